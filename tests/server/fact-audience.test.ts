/**
 * Every fact type has a decided audience (api.md "who may see what"): one sample entry of
 * each type, shown to the projector, the participant whose role it concerns and another
 * participant. A new fact type fails here (and in `visibility.ts`) until its audience is chosen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factPayloadSchemas, factTypes } from '../../src/engine/fact-schema';
import type { FactPayloads, FactType, LogEntry } from '../../src/engine/log';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Viewer } from '../../src/server/visibility';
import { visibleEntries } from '../../src/server/visibility';
import { repoRoot } from '../support/fixtures';

const scenarioFile = join(repoRoot, 'scenarios', 'db-failover-sev2.yaml');
const loaded = loadScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFile);
if (!loaded.ok) throw new Error('db-failover-sev2 does not load');
const scenario = loaded.scenario;

/** Who sees an entry besides the facilitator: the whole room, on-call alone, or nobody. */
type Audience = 'everyone' | 'oncall' | 'facilitator';

/** The first entry of every test log, which the sample retraction points at. */
const onCallsNote: LogEntry = {
  seq: 1,
  drillMs: 0,
  wallMs: 0,
  type: 'note.recorded',
  payload: { by: 'oncall', text: 'paged the wrong person' },
};

const content = { message: {}, covered: [] };
const samples: { readonly [K in FactType]: readonly [FactPayloads[K], Audience] } = {
  'drill.created': [{ scenario: 's', seed: 1, team: '', speed: 1, armed: false }, 'facilitator'],
  'drill.started': [{}, 'everyone'],
  'drill.paused': [{ reason: 'facilitator' }, 'everyone'],
  'drill.resumed': [{}, 'everyone'],
  'drill.speed_changed': [{ factor: 2 }, 'everyone'],
  'drill.ended': [{}, 'everyone'],
  'drill.aborted': [{ reason: 'fire alarm' }, 'everyone'],
  'inject.fired': [{ inject: 'latency-alarm', cause: 'schedule' }, 'oncall'],
  'inject.adhoc_sent': [{ kind: 'message', title: 't', body: 'b', to: ['oncall'] }, 'oncall'],
  'inject.skipped': [{ inject: 'dba-on-a-plane', reason: 'chance' }, 'facilitator'],
  'inject.delayed': [{ inject: 'latency-alarm', byMs: 60_000 }, 'facilitator'],
  'effect.began': [
    { inject: 'x', effect: { type: 'severity', severity: 'SEV1' }, untilMs: null },
    'everyone',
  ],
  'effect.ended': [{ inject: 'x', effect: { type: 'severity', severity: 'SEV1' } }, 'everyone'],
  'escalation.recorded': [
    {
      ...content,
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      delivered: true,
      undelivered: null,
      system: false,
      via: null,
    },
    'everyone',
  ],
  'escalation.unanswered': [{ escalation: 1 }, 'everyone'],
  'acknowledgement.recorded': [{ by: 'ic', escalation: 1, automatic: false }, 'everyone'],
  // Who holds whose duties is the room's shared picture, like pages and acknowledgements.
  'handoff.recorded': [{ ...content, from: 'oncall', to: 'secondary' }, 'everyone'],
  'checklist.checked': [{ checklist: 'oncall-triage', item: 0, by: 'oncall' }, 'oncall'],
  'checklist.unchecked': [{ checklist: 'oncall-triage', item: 0, by: 'oncall' }, 'oncall'],
  'decision.recorded': [{ decision: 'd', by: 'oncall', authorized: true }, 'oncall'],
  'severity.declared': [{ severity: 'SEV1', by: 'ic' }, 'everyone'],
  'note.recorded': [{ by: 'oncall', text: 'n' }, 'oncall'],
  'phase.started': [{ phase: 'morning', title: 'The next morning', storyTimeMs: null }, 'everyone'],
  'metric.branched': [{ inject: 'latency-alarm', branch: 0 }, 'oncall'],
  'experiment.requested': [{ experiment: 'e', action: 'start', cause: 'c' }, 'facilitator'],
  'experiment.state_changed': [
    { experiment: 'e', status: 'running', reason: null, dryRun: true },
    'everyone',
  ],
  'experiments.armed': [{ region: ['eu-west-1'], endpoint: 'none' }, 'facilitator'],
  'real_page.armed': [{ routingKeys: ['payments-team'] }, 'facilitator'],
  'real_page.requested': [
    {
      routingKeyRef: 'payments-team',
      severity: 'critical',
      summary: 's',
      inject: 'i',
      escalation: null,
      level: null,
    },
    'facilitator',
  ],
  'real_page.sent': [{ request: 3, dedupKey: 'd-3' }, 'facilitator'],
  'real_page.resolved': [{ request: 3, dedupKey: 'd-3' }, 'facilitator'],
  'real_page.call_failed': [{ request: 3, action: 'trigger', reason: 'HTTP 400' }, 'facilitator'],
  'experiment.call_failed': [
    { experiment: 'e', call: 'StartExperiment', code: 'c', reason: 'r', dryRun: true },
    'facilitator',
  ],
  'chat.delivery_failed': [
    { chat: 'slack', about: 1, attempts: 5, reason: 'HTTP 500' },
    'facilitator',
  ],
  'experiment.skipped': [{ experiment: 'e', reason: 'condition_met' }, 'facilitator'],
  'expectation.triggered': [{ expectation: 'page-ic' }, 'facilitator'],
  'expectation.met': [{ expectation: 'page-ic', escalation: 1, anticipated: false }, 'facilitator'],
  // A retraction is seen by whoever saw what it retracts: here on-call's note.
  'fact.retracted': [{ seq: 1, reason: 'r' }, 'oncall'],
  'debrief.recorded': [
    { kind: 'lesson', text: 't', category: null, owner: null, due: null },
    'facilitator',
  ],
};

const viewers: Record<'projector' | 'oncall' | 'ic' | 'facilitator', Viewer> = {
  projector: { audience: 'projector', roles: [] },
  oncall: { audience: 'participant', roles: ['oncall'] },
  ic: { audience: 'participant', roles: ['ic'] },
  facilitator: { audience: 'facilitator', roles: [] },
};

function whoSees(type: FactType): string[] {
  const [payload] = samples[type];
  const entry = { seq: 2, drillMs: 0, wallMs: 0, type, payload } as LogEntry;
  const log = [onCallsNote, entry];
  return Object.entries(viewers)
    .filter(([, viewer]) => visibleEntries(scenario, log, [entry], viewer).length === 1)
    .map(([name]) => name);
}

const expected: Record<Audience, string[]> = {
  everyone: ['projector', 'oncall', 'ic', 'facilitator'],
  oncall: ['oncall', 'facilitator'],
  facilitator: ['facilitator'],
};

describe('when the log holds one fact of every type', () => {
  it('has a sample, valid by its schema, for every fact type and no other', () => {
    expect(Object.keys(samples).sort()).toEqual([...factTypes].sort());
    for (const type of factTypes)
      expect(factPayloadSchemas[type].safeParse(samples[type][0]).success, type).toBe(true);
  });

  it.each(factTypes)('shows %s to its decided audience only', (type) => {
    expect(whoSees(type)).toEqual(expected[samples[type][1]]);
  });

  it('shows the room the retraction of a fact the room saw', () => {
    const retraction: LogEntry = {
      seq: 3,
      drillMs: 0,
      wallMs: 0,
      type: 'fact.retracted',
      payload: { seq: 2, reason: 'wrong role' },
    };
    const page: LogEntry = {
      seq: 2,
      drillMs: 0,
      wallMs: 0,
      type: 'severity.declared',
      payload: { severity: 'SEV1', by: 'ic' },
    };
    const log = [onCallsNote, page, retraction];
    expect(visibleEntries(scenario, log, [retraction], viewers.projector)).toHaveLength(1);
  });
});
