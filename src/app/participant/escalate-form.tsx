import { useState } from 'react';
import type { PublicScenario } from '../../protocol/drill-snapshot';
import { channelsOf } from '../../scenario/scales';
import { templateFor } from '../../scenario/templates';

/**
 * Escalate (or hand off) from one of my roles: to whom (with the path shown; audiences such
 * as a status page are marked), how, and the fields of the template that applies to it.
 */
export function EscalateForm({
  kind = 'escalate',
  scenario,
  roles,
  act,
  onClose,
}: {
  kind?: 'escalate' | 'handoff';
  scenario: PublicScenario;
  roles: readonly string[];
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const [from] = useState(roles[0] ?? '');
  const path = scenario.escalationPaths.find((candidate) =>
    candidate.levels.some((level) => level.role === from),
  );
  const [to, setTo] = useState(() => {
    const index = path?.levels.findIndex((level) => level.role === from) ?? -1;
    return (
      path?.levels[index + 1]?.role ??
      scenario.roles.find((role) => role.id !== from && !role.audience)?.id ??
      ''
    );
  });
  const channels = channelsOf(scenario);
  const [channel, setChannel] = useState(channels[0] ?? 'page');
  // The server refuses fields outside the template: send only the ones shown for this target.
  const fields = templateFor(scenario, kind === 'handoff' ? { kind } : { kind: 'escalation', to })
    ?.fields ?? ['message'];
  const [message, setMessage] = useState<Record<string, string>>({});
  const filled = Object.fromEntries(
    Object.entries(message).filter(([field, text]) => fields.includes(field) && text !== ''),
  );
  // Audiences take no handoff; they are escalation targets only.
  const targets = scenario.roles.filter(
    (role) => role.id !== from && !(kind === 'handoff' && role.audience),
  );
  const name = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  return (
    <form
      className="escalate"
      aria-label={kind === 'handoff' ? 'Hand off' : 'Escalate'}
      onSubmit={(event) => {
        event.preventDefault();
        act(
          kind === 'handoff'
            ? { handoff: { from, to, message: filled } }
            : { escalate: { from, to, channel, message: filled } },
        );
        onClose();
      }}
    >
      {path ? (
        <p className="muted">
          Path {path.id}: {path.levels.map((level) => name(level.role)).join(' → ')}
        </p>
      ) : null}
      <label>
        To
        <select aria-label="Escalate to" value={to} onChange={(event) => setTo(event.target.value)}>
          {targets.map((role) => (
            <option key={role.id} value={role.id}>
              {role.audience ? `${role.name} (audience)` : role.name}
            </option>
          ))}
        </select>
      </label>
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
      {fields.map((field) => (
        <label key={field}>
          {field.replaceAll('_', ' ')}
          <textarea
            rows={2}
            value={message[field] ?? ''}
            onChange={(event) =>
              setMessage((current) => ({ ...current, [field]: event.target.value }))
            }
          />
        </label>
      ))}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary big">
          {kind === 'handoff' ? 'Hand off' : 'Send escalation'}
        </button>
      </div>
    </form>
  );
}
