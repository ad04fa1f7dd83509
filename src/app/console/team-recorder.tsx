import { useState } from 'react';
import type { Scenario } from '../../scenario/types';
import { CoveredFields, Dialog } from '../components/dialog';
import { formatDrillClock } from '../drill/drill-time';

export type TeamRecordKind = 'handoff' | 'checklist' | 'decision' | 'severity' | 'adhoc';

const titles: Record<TeamRecordKind, string> = {
  handoff: 'Handoff',
  checklist: 'Checklist item',
  decision: 'Decision',
  severity: 'Severity declaration',
  adhoc: 'Ad-hoc inject',
};

/**
 * The rest of what the facilitator records for the room: handoffs, checklist ticks,
 * decisions, severity declarations, and injects typed during the drill. Stamped when opened.
 */
export function TeamRecorder({
  kind,
  scenario,
  openedAtMs,
  checklists,
  act,
  onClose,
}: {
  kind: TeamRecordKind;
  scenario: Scenario;
  openedAtMs: number;
  checklists: ReadonlyMap<string, readonly boolean[]>;
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const [stampedAtMs] = useState(openedAtMs);
  const roles = scenario.roles;
  const [from, setFrom] = useState(roles[0]?.id ?? '');
  const [to, setTo] = useState(roles[1]?.id ?? '');
  const [covered, setCovered] = useState<string[]>([]);
  const [item, setItem] = useState(`${scenario.checklists[0]?.id ?? ''}:0`);
  const [decision, setDecision] = useState(scenario.decisions[0]?.id ?? '');
  const [severity, setSeverity] = useState('SEV1');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const at = `${stampedAtMs / 1000}s`;
  const submit = () => {
    switch (kind) {
      case 'handoff':
        act({ at, handoff: { from, to, covered } });
        break;
      case 'checklist': {
        const [checklist = '', index = '0'] = item.split(':');
        const checked = checklists.get(checklist)?.[Number(index)] ?? false;
        const owner =
          scenario.checklists.find((candidate) => candidate.id === checklist)?.role ?? from;
        act({ at, [checked ? 'uncheck' : 'check']: { checklist, item: Number(index), by: owner } });
        break;
      }
      case 'decision':
        act({ at, decide: { decision, by: from } });
        break;
      case 'severity':
        act({ at, declare: { severity, by: from } });
        break;
      case 'adhoc':
        act({
          adhoc_inject: {
            kind: 'message',
            title: title.trim() || 'Message from the facilitator',
            body,
          },
        });
        break;
    }
    onClose();
  };
  const roleSelect = (label: string, value: string, set: (role: string) => void) => (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(event) => set(event.target.value)}>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Dialog
      title={
        <>
          {titles[kind]}{' '}
          {kind === 'adhoc' ? null : (
            <span className="muted">at {formatDrillClock(stampedAtMs)}</span>
          )}
        </>
      }
      submitLabel={kind === 'adhoc' ? 'Send to everyone' : 'Record'}
      onSubmit={submit}
      onClose={onClose}
    >
      {kind === 'handoff' ? (
        <>
          <div className="row">
            {roleSelect('From', from, setFrom)}
            {roleSelect('To', to, setTo)}
          </div>
          <CoveredFields
            legend="The handoff covered"
            fields={scenario.templates.handoff ?? []}
            covered={covered}
            onChange={setCovered}
          />
        </>
      ) : null}
      {kind === 'checklist' ? (
        <label>
          Item (ticks it, or unticks it if it is ticked)
          <select value={item} onChange={(event) => setItem(event.target.value)}>
            {scenario.checklists.flatMap((checklist) =>
              checklist.items.map((text, index) => (
                <option key={`${checklist.id}:${index}`} value={`${checklist.id}:${index}`}>
                  {checklists.get(checklist.id)?.[index] ? '☑' : '☐'} {checklist.title}: {text}
                </option>
              )),
            )}
          </select>
        </label>
      ) : null}
      {kind === 'decision' ? (
        <div className="row">
          <label>
            Decision
            <select value={decision} onChange={(event) => setDecision(event.target.value)}>
              {scenario.decisions.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          </label>
          {roleSelect('Taken by', from, setFrom)}
        </div>
      ) : null}
      {kind === 'severity' ? (
        <div className="row">
          <label>
            Severity
            <select value={severity} onChange={(event) => setSeverity(event.target.value)}>
              {['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((level) => (
                <option key={level}>{level}</option>
              ))}
            </select>
          </label>
          {roleSelect('Declared by', from, setFrom)}
        </div>
      ) : null}
      {kind === 'adhoc' ? (
        <>
          <label>
            Title
            <input
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              maxLength={200}
              autoFocus
            />
          </label>
          <label>
            Message
            <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} />
          </label>
        </>
      ) : null}
    </Dialog>
  );
}
