/** Builds the snapshot a caller may see of a drill (api.md's visibility rules). */
import type { DrillSnapshot } from '../../protocol/drill-snapshot';
import type { DrillHost } from '../drill-host';
import type { LiveDrill } from '../live-drill';
import { publicScenario, visibleEntries } from '../visibility';
import type { Caller } from './access';

export function snapshotFor(host: DrillHost, live: LiveDrill, caller: Caller): DrillSnapshot {
  const { viewer } = caller;
  const log = live.drill.log;
  const { stored } = live;
  const facilitator = viewer.audience === 'facilitator';
  const entries = visibleEntries(live.drill.scenario, log, log, viewer);
  const participants = live.participants().map(({ name, roles }) => ({ name, roles }));
  return {
    drill: {
      id: live.id,
      team: stored.team,
      status: live.drill.phase(),
      speed: live.drill.state().clock.speed,
      joinCode: facilitator ? stored.joinCode : null,
    },
    audience: viewer.audience,
    scenario: publicScenario(live.drill.scenario, viewer),
    fullScenario: facilitator ? live.drill.scenario : null,
    entries,
    seq: facilitator ? log.length : (entries.at(-1)?.seq ?? 0),
    serverWallMs: host.now(),
    participants:
      viewer.audience === 'projector'
        ? participants.map(({ name, roles }) => ({ name, roles }))
        : participants,
    you: caller.name === null ? null : { name: caller.name, roles: viewer.roles },
  };
}
