import { useId, useState } from 'react';
import type { Participant, PublicScenario } from '../../protocol/drill-snapshot';
import { channelsOf } from '../../scenario/scales';
import { templateFor } from '../../scenario/templates';
import { fieldHint } from './field-hints';
import { fieldLabel } from '../components/message-fields';
import { nextLevelUp, targetPresence } from './target-presence';

/**
 * Escalate (or hand off) from one of my roles: to whom (the next level up by default, each
 * target saying who is behind it), how, and the fields of the template that applies, each
 * optional. An escalation may also declare the severity the person sees.
 */
export function EscalateForm({
  kind = 'escalate',
  scenario,
  roles,
  participants = [],
  act,
  onClose,
}: {
  kind?: 'escalate' | 'handoff';
  scenario: PublicScenario;
  roles: readonly string[];
  participants?: readonly Participant[];
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const ids = useId();
  const [from, setFrom] = useState(roles[0] ?? '');
  const path = scenario.escalationPaths.find((candidate) =>
    candidate.levels.some((level) => level.role === from),
  );
  const [to, setTo] = useState(() => nextLevelUp(scenario, roles[0] ?? ''));
  const channels = channelsOf(scenario);
  const [channel, setChannel] = useState(channels[0] ?? 'page');
  const [severity, setSeverity] = useState('');
  // The server refuses fields outside the template: send only the ones shown for this target.
  const fields = templateFor(scenario, kind === 'handoff' ? { kind } : { kind: 'escalation', to })
    ?.fields ?? ['message'];
  const [message, setMessage] = useState<Record<string, string>>({});
  const filled = Object.fromEntries(
    Object.entries(message)
      .map(([field, text]) => [field, text.trim()] as const)
      .filter(([field, text]) => fields.includes(field) && text !== ''),
  );
  // Audiences take no handoff; they are escalation targets only.
  const targets = scenario.roles.filter(
    (role) => role.id !== from && !(kind === 'handoff' && role.audience),
  );
  const target = targets.find((role) => role.id === to);
  const name = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  const title = kind === 'handoff' ? 'Hand off' : 'Escalate';
  return (
    <form
      className="escalate"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        if (kind === 'escalate' && severity !== '') act({ declare: { severity, by: from } });
        act(
          kind === 'handoff'
            ? { handoff: { from, to, message: filled } }
            : { escalate: { from, to, channel, message: filled } },
        );
        onClose();
      }}
    >
      <h2>{title}</h2>
      {roles.length > 1 ? (
        <label>
          As
          <select
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              setTo(nextLevelUp(scenario, event.target.value));
            }}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {name(role)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {path ? (
        <p className="muted">
          Your path: {path.levels.map((level) => name(level.role)).join(' → ')}
        </p>
      ) : null}
      <label>
        To
        <select
          aria-label={kind === 'handoff' ? 'Hand off to' : 'Escalate to'}
          aria-describedby={`${ids}-who`}
          value={to}
          onChange={(event) => setTo(event.target.value)}
        >
          {targets.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name} — {targetPresence(role, participants)}
            </option>
          ))}
        </select>
      </label>
      {target ? (
        <p id={`${ids}-who`} className="hint">
          {target.name}: {targetPresence(target, participants)}.
        </p>
      ) : null}
      {kind === 'escalate' ? (
        <div className="escalate-pickers">
          <label>
            How
            <select
              aria-label="Channel"
              value={channel}
              onChange={(event) => setChannel(event.target.value)}
            >
              {channels.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <label>
            Severity
            <select
              aria-label="Declare severity"
              aria-describedby={`${ids}-severity`}
              value={severity}
              onChange={(event) => setSeverity(event.target.value)}
            >
              <option value="">Leave as it is</option>
              {scenario.severities.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <p id={`${ids}-severity`} className="hint">
            Picking a severity also declares it.
          </p>
        </div>
      ) : null}
      <fieldset className="message-inputs">
        <legend>Message — every field is optional</legend>
        {fields.map((field) => {
          const hint = fieldHint(field);
          return (
            <div key={field} className="field">
              <label htmlFor={`${ids}-${field}-input`}>{fieldLabel(field)}</label>
              <textarea
                id={`${ids}-${field}-input`}
                rows={2}
                value={message[field] ?? ''}
                aria-describedby={hint ? `${ids}-${field}` : undefined}
                onChange={(event) =>
                  setMessage((current) => ({ ...current, [field]: event.target.value }))
                }
              />
              {hint ? (
                <span id={`${ids}-${field}`} className="hint">
                  {hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <div className="buttons">
        <button type="button" className="big" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary big">
          {kind === 'handoff' ? 'Hand off' : 'Send escalation'}
        </button>
      </div>
    </form>
  );
}
