/**
 * A log safe to share outside the team: the people in it (the team's name, action-item
 * owners, names in free text the facilitator typed) become neutral labels. Roles stay: they
 * are what the drill is about, and they name jobs, not people. Scores do not change.
 */
import type { LogEntry } from './log';

export function anonymiseLog(log: readonly LogEntry[]): LogEntry[] {
  const owners = new Map<string, string>();
  const ownerLabel = (owner: string) => {
    if (!owners.has(owner)) owners.set(owner, `person ${owners.size + 1}`);
    return owners.get(owner) ?? owner;
  };
  return log.map((entry): LogEntry => {
    switch (entry.type) {
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
