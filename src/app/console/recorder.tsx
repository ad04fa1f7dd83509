import { useState } from 'react';
import { channelsOf } from '../../scenario/scales';
import { templateFor } from '../../scenario/templates';
import type { Scenario } from '../../scenario/types';
import type { PageView } from '../../engine/projection/projection-views';
import { CoveredFields, Dialog } from '../components/dialog';
import { formatDrillClock } from '../drill/drill-time';

/**
 * Records what was said out loud in the room. It is stamped at the moment it was opened,
 * so the time spent typing is not taken off the team.
 */
export function Recorder({
  kind,
  scenario,
  openedAtMs,
  pages,
  act,
  onClose,
}: {
  kind: 'escalation' | 'note';
  scenario: Scenario;
  openedAtMs: number;
  pages: readonly PageView[];
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const [stampedAtMs] = useState(openedAtMs);
  const roles = scenario.roles;
  // Audiences are published to, never speak: they are targets only.
  const speakers = roles.filter((role) => !role.audience);
  const [from, setFrom] = useState(speakers[0]?.id ?? '');
  const [to, setTo] = useState(speakers[1]?.id ?? speakers[0]?.id ?? '');
  const channels = channelsOf(scenario);
  const [channel, setChannel] = useState<string>(channels[0] ?? 'page');
  const [covered, setCovered] = useState<string[]>([]);
  const [text, setText] = useState('');
  const template = templateFor(scenario, { kind: 'escalation', to });
  const fields = template?.fields ?? [];
  // What was said is the message's situation, or the first field of a template without one.
  const saidField =
    !template || template.fields.includes('situation') ? 'situation' : template.fields[0];
  const levelOf = (role: string) => {
    for (const path of scenario.escalationPaths) {
      const index = path.levels.findIndex((level) => level.role === role);
      if (index >= 0) return `${path.id} level ${index + 1}`;
    }
    return null;
  };
  const at = `${stampedAtMs / 1000}s`;
  const submit = () => {
    if (kind === 'note')
      act({ at, note: { by: 'facilitator', text: text.trim() || '(empty note)' } });
    else
      act({
        at,
        escalate: {
          from,
          to,
          channel,
          covered: covered.filter((field) => fields.includes(field)),
          ...(text.trim() && saidField ? { message: { [saidField]: text.trim() } } : {}),
        },
      });
    onClose();
  };
  const audiences = new Set(roles.filter((role) => role.audience).map((role) => role.id));
  const openPages = pages.filter(
    (page) =>
      page.delivered && page.ackedAtMs === null && !page.retracted && !audiences.has(page.to),
  );
  return (
    <Dialog
      title={
        <>
          {kind === 'note' ? 'Note' : 'Escalation said out loud'}{' '}
          <span className="muted">at {formatDrillClock(stampedAtMs)}</span>
        </>
      }
      submitLabel="Record"
      onSubmit={submit}
      onClose={onClose}
    >
      {kind === 'escalation' ? (
        <>
          <div className="row">
            <label>
              From
              <select value={from} onChange={(event) => setFrom(event.target.value)} autoFocus>
                {speakers.map((role) => (
                  <option key={role.id} value={role.id}>
                    {role.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              To
              <select value={to} onChange={(event) => setTo(event.target.value)}>
                {roles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {role.name}
                    {role.audience
                      ? ' (audience)'
                      : levelOf(role.id)
                        ? ` (${levelOf(role.id)})`
                        : ''}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Channel
              <select value={channel} onChange={(event) => setChannel(event.target.value)}>
                {channels.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
            </label>
          </div>
          <CoveredFields
            legend="The message covered"
            fields={fields}
            covered={covered}
            onChange={setCovered}
          />
        </>
      ) : null}
      <label>
        {kind === 'note' ? 'Note' : 'Or what was said (optional)'}
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={3}
          autoFocus={kind === 'note'}
        />
      </label>
      {kind === 'escalation' && openPages.length > 0 ? (
        <div className="acks">
          <p className="muted">Acknowledged out loud?</p>
          {openPages.map((page) => (
            <button
              key={page.seq}
              type="button"
              onClick={() => {
                act({ at, ack: { by: page.to, escalation: page.seq } });
                onClose();
              }}
            >
              {roles.find((role) => role.id === page.to)?.name ?? page.to} acknowledged page{' '}
              {page.seq}
            </button>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}
