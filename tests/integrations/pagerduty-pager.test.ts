/**
 * The pager against a local sink on 127.0.0.1 standing in for PagerDuty's Events API v2:
 * the trigger's shape, the dedup_key, retries, resolve on End and Abort, nothing when the
 * drill is not armed, and what a restart finds in the log. Back-off is not real time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine/actions';
import type { Drill } from '../../src/engine/drill';
import { createDrill, replay } from '../../src/engine/drill';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Scenario } from '../../src/scenario/types';
import { noIntegrations } from '../../src/server/integrations/integration-settings';
import type { IntegrationSettings } from '../../src/server/integrations/integration-settings';
import { PagerDutyPager } from '../../src/server/integrations/pagerduty-pager';
import type { HttpSink } from '../support/http-sink';
import { startHttpSink } from '../support/http-sink';
import { repoRoot } from '../support/fixtures';

const routingKey = 'R0PAYMENTSKEY0000000000000000000';
const icKey = 'R0INCIDENTCOMMANDKEY000000000000';
const accepted = (dedupKey: string) => ({
  status: 202,
  body: JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: dedupKey }),
});

function scenario(): Scenario {
  const text = readFileSync(
    join(repoRoot, 'tests/fixtures/real-pages/paging-gameday.yaml'),
    'utf8',
  );
  const loaded = loadScenarioText(text, 'paging-gameday.yaml');
  if (!loaded.ok) throw new Error('the fixture must load');
  return loaded.scenario;
}

let sink: HttpSink;
let wallMs = 1_000_000;
beforeEach(async () => {
  sink = await startHttpSink({ status: 202, body: '{"status":"success"}' });
  wallMs = 1_000_000;
});
afterEach(() => sink.close());

function settings(): IntegrationSettings {
  return {
    ...noIntegrations,
    pagerDutyEventsUrl: `${sink.url}/v2/enqueue`,
    pagerDutyRoutingKeys: new Map([
      ['payments-team', routingKey],
      ['incident-command', icKey],
    ]),
  };
}

function pagerFor(drill: Drill): PagerDutyPager {
  return new PagerDutyPager({
    drill,
    drillId: 'drill42',
    settings: settings(),
    now: () => wallMs,
    baseUrl: () => 'http://127.0.0.1:8080',
    post: { sleep: async () => undefined },
  });
}

function act(drill: Drill, action: Action) {
  const outcome = drill.act({ action, actor: { kind: 'facilitator' } }, wallMs);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.entries;
}

/** A started drill, armed for real pages unless told otherwise. */
function startedDrill(armed = true): Drill {
  const drill = createDrill({ scenario: scenario(), seed: 1, wallMs });
  if (armed)
    expect(drill.armRealPages(['payments-team', 'incident-command'], wallMs).ok).toBe(true);
  act(drill, { type: 'start' });
  return drill;
}

const requestSeq = (drill: Drill) =>
  drill.log.find((entry) => entry.type === 'real_page.requested')?.seq ?? 0;

describe('when an armed drill fires an inject that pages for real', () => {
  it('sends one Events API v2 trigger marked as an exercise, dedup_key = drill id + seq', async () => {
    const drill = startedDrill();
    const fired = act(drill, { type: 'fire_inject', inject: 'checkout-alarm' });
    await pagerFor(drill).handle(fired);
    const seq = requestSeq(drill);
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]?.path).toBe('/v2/enqueue');
    expect(sink.requests[0]?.json).toEqual({
      routing_key: routingKey,
      event_action: 'trigger',
      dedup_key: `drill42-${seq}`,
      payload: {
        summary: '[EXERCISE] Checkout p99 latency above 2 s',
        source: 'firedrill',
        severity: 'critical',
        component: 'checkout-alarm',
        group: 'paging-gameday',
        class: 'exercise',
        custom_details: expect.objectContaining({
          exercise: true,
          drill: 'drill42',
          scenario: 'Paging game day',
          inject: 'checkout-alarm',
        }),
      },
      links: [{ href: 'http://127.0.0.1:8080/drills/drill42', text: 'Firedrill exercise drill42' }],
      client: 'Firedrill',
      client_url: 'http://127.0.0.1:8080/drills/drill42',
    });
    expect(drill.log.filter((entry) => entry.type === 'real_page.sent')).toMatchObject([
      { payload: { request: seq, dedupKey: `drill42-${seq}` } },
    ]);
  });

  it('takes its severity from the severity the team declared', async () => {
    const drill = startedDrill();
    act(drill, { type: 'declare', severity: 'SEV2', by: 'oncall' });
    await pagerFor(drill).handle(act(drill, { type: 'fire_inject', inject: 'checkout-alarm' }));
    expect(sink.requests[0]?.json).toMatchObject({ payload: { severity: 'error' } });
  });

  it('retries a 500 with the same dedup_key and records one sent fact', async () => {
    sink.reply({ status: 500, body: 'busy' }, accepted('placeholder'));
    const drill = startedDrill();
    await pagerFor(drill).handle(act(drill, { type: 'fire_inject', inject: 'checkout-alarm' }));
    const keys = sink.requests.map((request) => (request.json as { dedup_key: string }).dedup_key);
    expect(keys).toEqual([`drill42-${requestSeq(drill)}`, `drill42-${requestSeq(drill)}`]);
    expect(drill.log.filter((entry) => entry.type === 'real_page.sent')).toHaveLength(1);
  });

  it('records a refusal as a visible failure whose reason never holds the routing key', async () => {
    sink.reply({ status: 400, body: `{"message":"bad routing_key ${routingKey}"}` });
    const drill = startedDrill();
    await pagerFor(drill).handle(act(drill, { type: 'fire_inject', inject: 'checkout-alarm' }));
    const failed = drill.log.filter((entry) => entry.type === 'real_page.call_failed');
    expect(failed).toMatchObject([{ payload: { action: 'trigger' } }]);
    expect(JSON.stringify(drill.log)).not.toContain(routingKey);
  });

  it('pages the level that pages for real when the team escalates to its role', async () => {
    const drill = startedDrill();
    const pager = pagerFor(drill);
    await pager.handle(
      act(drill, {
        type: 'escalate',
        from: 'oncall',
        to: 'ic',
        channel: 'page',
        message: { situation: 'checkout is slow' },
      }),
    );
    expect(sink.requests.map((request) => request.json)).toMatchObject([
      {
        routing_key: icKey,
        event_action: 'trigger',
        payload: { summary: '[EXERCISE] Page to Incident commander: checkout is slow' },
      },
    ]);
  });
});

describe('when the drill ends or is aborted', () => {
  it.each([[{ type: 'end' } as Action], [{ type: 'abort', reason: 'fire alarm' } as Action]])(
    'resolves every alert it opened with the same dedup_key (%j)',
    async (finish) => {
      const drill = startedDrill();
      const pager = pagerFor(drill);
      await pager.handle(act(drill, { type: 'fire_inject', inject: 'checkout-alarm' }));
      await pager.handle(act(drill, finish));
      expect(sink.requests.map((request) => request.json)).toMatchObject([
        { event_action: 'trigger', dedup_key: `drill42-${requestSeq(drill)}` },
        {
          routing_key: routingKey,
          event_action: 'resolve',
          dedup_key: `drill42-${requestSeq(drill)}`,
        },
      ]);
      expect(drill.log.filter((entry) => entry.type === 'real_page.resolved')).toHaveLength(1);
    },
  );
});

describe('when the drill was not armed for real pages', () => {
  it('sends no request at all, firing, escalating or ending', async () => {
    const drill = startedDrill(false);
    const pager = pagerFor(drill);
    await pager.handle(act(drill, { type: 'fire_inject', inject: 'checkout-alarm' }));
    await pager.handle(act(drill, { type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' }));
    await pager.handle(act(drill, { type: 'end' }));
    expect(sink.requests).toHaveLength(0);
    expect(drill.log.some((entry) => entry.type.startsWith('real_page.'))).toBe(false);
  });
});

describe('after a restart', () => {
  it('re-sends a trigger that was requested but never confirmed, with the same dedup_key', async () => {
    const before = startedDrill();
    act(before, { type: 'fire_inject', inject: 'checkout-alarm' }); // crashed before sending
    const rebuilt = replay(before.scenario, before.log);
    await pagerFor(rebuilt).reconcile();
    expect(sink.requests.map((request) => request.json)).toMatchObject([
      { event_action: 'trigger', dedup_key: `drill42-${requestSeq(before)}` },
    ]);
    await pagerFor(replay(rebuilt.scenario, rebuilt.log)).reconcile();
    expect(sink.requests).toHaveLength(1); // confirmed now: never sent again
  });

  it('resolves what a finished drill left open', async () => {
    const before = startedDrill();
    const pager = pagerFor(before);
    await pager.handle(act(before, { type: 'fire_inject', inject: 'checkout-alarm' }));
    act(before, { type: 'end' }); // crashed before the resolve went out
    await pagerFor(replay(before.scenario, before.log)).reconcile();
    expect(sink.requests.map((request) => request.json)).toMatchObject([
      { event_action: 'trigger' },
      { event_action: 'resolve', dedup_key: `drill42-${requestSeq(before)}` },
    ]);
  });
});
