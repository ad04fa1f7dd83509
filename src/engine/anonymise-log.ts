/**
 * A log safe to share outside the team: the people in it (the team's name, action-item
 * owners, the `owner` a handoff or escalation message names, notes the facilitator typed)
 * become neutral labels, and client ids (which carry a prefix of the sender's token hash) are
 * dropped. Other message text is kept as typed. Roles stay: they are what the drill is about,
 * and they name jobs, not people. Scores do not change.
 */
import type { EntryMeta, LogEntry } from './log';

/** The meta without the client id: it only ever served to apply a re-sent action once. */
function withoutClientId(meta: EntryMeta | undefined): { meta?: EntryMeta } {
  if (!meta) return {};
  const { clientId: _clientId, ...rest } = meta;
  return Object.keys(rest).length > 0 ? { meta: rest } : {};
}

export function anonymiseLog(log: readonly LogEntry[]): LogEntry[] {
  const owners = new Map<string, string>();
  const ownerLabel = (owner: string) => {
    if (!owners.has(owner)) owners.set(owner, `person ${owners.size + 1}`);
    return owners.get(owner) ?? owner;
  };
  const namedOwner = (message: Readonly<Record<string, string>>) =>
    message.owner === undefined || message.owner.trim() === ''
      ? message
      : { ...message, owner: ownerLabel(message.owner) };
  return log.map((logged): LogEntry => {
    const { meta: _meta, ...bare } = logged;
    const entry = { ...bare, ...withoutClientId(logged.meta) } as LogEntry;
    switch (entry.type) {
      case 'handoff.recorded':
      case 'escalation.recorded':
        return {
          ...entry,
          payload: { ...entry.payload, message: namedOwner(entry.payload.message) },
        } as LogEntry;
      case 'drill.created':
        return {
          ...entry,
          payload: { ...entry.payload, team: entry.payload.team ? 'anonymised team' : '' },
        };
      case 'debrief.recorded':
        return {
          ...entry,
          payload: {
            ...entry.payload,
            owner: entry.payload.owner === null ? null : ownerLabel(entry.payload.owner),
          },
        };
      case 'note.recorded':
        return { ...entry, payload: { ...entry.payload, text: '(note withheld)' } };
      default:
        return entry;
    }
  });
}
