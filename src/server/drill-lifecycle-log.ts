/**
 * The lines the facilitator's terminal shows about a drill's life: created, started, ended,
 * aborted. Told by the drill's listeners after each fact is stored (live-drill.ts).
 */
import type { LogEntry } from '../engine/log';
import type { StoredDrill } from './store/drill-repository';

export function lifecycleLines(stored: StoredDrill, entries: readonly LogEntry[]): string[] {
  const name = `drill ${stored.id} (${stored.team})`;
  const lines: string[] = [];
  for (const entry of entries) {
    if (entry.type === 'drill.started') lines.push(`${name} started`);
    else if (entry.type === 'drill.ended') lines.push(`${name} ended`);
    else if (entry.type === 'drill.aborted')
      lines.push(
        `${name} aborted${entry.payload.reason === '' ? '' : `: ${entry.payload.reason}`}`,
      );
  }
  return lines;
}
