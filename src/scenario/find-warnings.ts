/**
 * What loads but is probably not what the author meant: the scenario still runs, and
 * `validate` prints each one as a warning line (exit code 0). Found in real drills: a `10h`
 * typed for `10m` made an inject that could never fire, and nothing said so.
 */
import type { PathFinding } from './check-references';
import { formatDuration, parseDuration } from './duration';
import type { ScenarioFile } from './schema';

export function findWarnings(file: ScenarioFile): PathFinding[] {
  const durationMs = parseDuration(file.duration);
  if (durationMs === undefined) return [];
  const end = formatDuration(durationMs);
  const findings: PathFinding[] = [];
  (file.injects ?? []).forEach((inject, index) => {
    const at = inject.at;
    if (at === undefined) return;
    const path = ['injects', index, 'at'];
    if (typeof at === 'object') {
      const [from, to] = at.between.map(parseDuration);
      const window = `between ${String(at.between[0])} and ${String(at.between[1])}`;
      if (from !== undefined && from > durationMs)
        findings.push({
          path,
          message: `inject "${inject.id}" ${window} is after the drill's end (${end}): it never fires on its own`,
        });
      else if (to !== undefined && to > durationMs)
        findings.push({
          path,
          message: `inject "${inject.id}" ${window} may fall after the drill's end (${end}) and not fire`,
        });
      return;
    }
    const atMs = parseDuration(at);
    if (atMs !== undefined && atMs > durationMs)
      findings.push({
        path,
        message: `inject "${inject.id}" at ${formatDuration(atMs)} is after the drill's end (${end}): it never fires on its own`,
      });
  });
  return findings;
}
