/** A participant's drill for the pager's tests: the public scenario, a snapshot, and entries. */
import type { DrillSnapshot, VisibleEntry } from '../../../src/protocol/drill-snapshot';
import { publicScenario } from '../../../src/server/visibility';
import { scenarioFrom } from '../../support/drill-harness';

export const pagerScenario = scenarioFrom(`
id: pager
title: The pager drill
duration: 1h
roles:
  - { id: oncall, name: On-call engineer }
  - { id: ic, name: Incident commander }
  - { id: vp, name: VP Engineering, npc: { ack_after: 2m } }
  - { id: status-page, name: Status page, audience: true, template: public }
escalation_paths:
  - id: engineering
    levels:
      - { role: oncall }
      - { role: ic }
      - { role: vp }
templates:
  escalation: [situation, impact, ask]
  handoff: [current_state, owner]
  public: [what_happened]
checklists:
  - id: triage
    title: Triage
    role: oncall
    items: [Look at the dashboards, Page the IC]
injects:
  - { id: alarm, at: 1m, kind: alert, to: [oncall], title: Checkout p99 high, body: p99 is 4 s }
`);

let wallMs = 1_000;
export function entry(seq: number, type: string, payload: Record<string, unknown>, extra = {}) {
  wallMs += 1_000;
  return { seq, drillMs: seq * 1_000, wallMs, type, payload, ...extra } as VisibleEntry;
}

export const started = entry(1, 'drill.started', {});

export function systemPage(seq: number, situation = 'PostgreSQLDown: db1 is down'): VisibleEntry {
  return entry(seq, 'escalation.recorded', {
    from: null,
    to: 'oncall',
    channel: 'page',
    delivered: true,
    undelivered: null,
    system: true,
    via: { path: 'engineering', level: 0 },
    message: { situation },
    covered: [],
  });
}

export function pagerSnapshot(
  entries: readonly VisibleEntry[],
  you: DrillSnapshot['you'] = { name: 'Ana', roles: ['oncall'] },
  participants: DrillSnapshot['participants'] = [
    { name: 'Ana', roles: ['oncall'], connected: true },
    { name: 'Ben', roles: ['ic'], connected: true },
  ],
): DrillSnapshot {
  return {
    drill: { id: 'd1', team: 't', status: 'running', speed: 1, joinCode: null, joinUrl: null },
    audience: 'participant',
    scenario: publicScenario(pagerScenario, { audience: 'participant', roles: you?.roles ?? [] }),
    fullScenario: null,
    entries,
    seq: entries.at(-1)?.seq ?? 0,
    serverWallMs: Date.now(),
    participants,
    you,
  };
}
