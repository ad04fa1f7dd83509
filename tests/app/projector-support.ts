/** A fabricated projector snapshot of a harness drill, as the server would cut it. */
import type { DrillSnapshot } from '../../src/protocol/drill-snapshot';
import { publicScenario } from '../../src/server/visibility';
import { visibleEntries } from '../../src/server/visibility';
import type { DrillHarness } from '../support/drill-harness';

export function projectorSnapshot(
  harness: DrillHarness,
  join: { code: string | null; url: string | null } = { code: null, url: null },
): DrillSnapshot {
  const viewer = { audience: 'projector', roles: [] } as const;
  const log = harness.drill.log;
  const entries = visibleEntries(harness.scenario, log, log, viewer).map((entry, index) => ({
    ...entry,
    seq: index + 1,
  }));
  return {
    drill: {
      id: 'd1',
      team: 'Blue',
      status: 'running',
      speed: 1,
      joinCode: join.code,
      joinUrl: join.url,
    },
    audience: 'projector',
    scenario: publicScenario(harness.scenario, viewer),
    fullScenario: null,
    entries,
    seq: entries.length,
    serverWallMs: harness.wallMs,
    participants: [],
    you: null,
  };
}
