import { afterEach, describe, expect, it } from 'vitest';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import { exerciseMarker } from '../../src/server/integrations/chat-message';
import type { HttpSink } from '../support/http-sink';
import { startHttpSink } from '../support/http-sink';
import type { TestServer } from '../support/server-harness';
import { temporaryDirectory } from '../support/server-harness';
import { act, control } from '../server/server-test-helpers';
import {
  chatServer,
  createChatDrill,
  exportedLog,
  slackHeadlines,
  slackPath,
  teamsHeadlines,
  teamsPath,
  waitForFact,
} from './chat-mirror-support';

let server: TestServer | undefined;
const sinks: HttpSink[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
});
const sink = async (...args: Parameters<typeof startHttpSink>) => {
  const started = await startHttpSink(...args);
  sinks.push(started);
  return started;
};

/** Start, an inject for everyone, one for IC only, a note, a page, its ack, the end. */
async function playDrill(url: string, drill: CreateDrillReply): Promise<void> {
  const f = drill.facilitatorToken;
  expect((await control(url, drill.id, 'start', f)).status).toBe(200);
  const say = (action: unknown) => act(url, drill.id, f, action);
  expect(
    (
      await say({
        adhoc_inject: { kind: 'message', title: 'Status page updated', body: 'Investigating' },
      })
    ).status,
  ).toBe(200);
  expect(
    (await say({ adhoc_inject: { kind: 'message', title: 'Legal for IC only', to: ['ic'] } }))
      .status,
  ).toBe(200);
  expect((await say({ note: { by: 'facilitator', text: 'Team hesitated' } })).status).toBe(200);
  const page = await say({
    escalate: {
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      message: { situation: 'p99 <500ms> & rising' },
    },
  });
  expect(page.status).toBe(200);
  expect((await say({ ack: { by: 'ic', escalation: page.body.seq } })).status).toBe(200);
  expect((await control(url, drill.id, 'end', f)).status).toBe(200);
}

const metricTitles = [
  'Dashboard: pg-orders-01 data volume write latency',
  expect.any(String),
  expect.any(String),
];

describe('when a drill is mirrored into Slack and Teams', () => {
  it('posts the start, injects for everyone, the page, its ack and the result, in order, to both', async () => {
    const slack = await sink();
    const teams = await sink();
    ({ server } = await chatServer(slack, teams));
    const drill = await createChatDrill(server.url, ['slack', 'teams']);
    await playDrill(server.url, drill);

    const expected = [
      'Drill started: Primary database failover under load',
      ...metricTitles,
      'Status page updated',
      'Page: Primary on-call SRE → Incident commander (page)',
      expect.stringMatching(
        /^Incident commander acknowledged the page from Primary on-call SRE \(page\)$/,
      ),
      expect.stringMatching(/^Drill ended — (overall score \d+\/100|no overall score)$/),
    ];
    const slackRequests = await slack.waitForRequests(expected.length);
    const teamsRequests = await teams.waitForRequests(expected.length);
    expect(slackRequests.every((request) => request.path === slackPath)).toBe(true);
    expect(teamsRequests.every((request) => request.path === teamsPath)).toBe(true);
    expect(slackHeadlines(slackRequests).map((text) => text.replaceAll('&amp;', '&'))).toEqual(
      expected,
    );
    expect(teamsHeadlines(teamsRequests)).toEqual(expected);
    for (const request of slackRequests)
      expect((request.json as { text: string }).text.startsWith(exerciseMarker)).toBe(true);
    expect(JSON.stringify(slackRequests.map((r) => r.json))).not.toMatch(/Legal for IC|hesitated/);
    expect(JSON.stringify(teamsRequests.map((r) => r.json))).not.toMatch(/Legal for IC|hesitated/);
  });

  it('links the scorecard at the address browsers use', async () => {
    const slack = await sink();
    ({ server } = await chatServer(slack, null));
    const drill = await createChatDrill(server.url, ['slack']);
    await playDrill(server.url, drill);
    const requests = await slack.waitForRequests(8);
    expect(requests.at(-1)?.text).toContain(
      `<${server.url}/drills/${drill.id}/scorecard|Open the scorecard>`,
    );
  });

  it('posts nothing for a drill that did not choose a chat', async () => {
    const slack = await sink();
    ({ server } = await chatServer(slack, null));
    const chosen = await createChatDrill(server.url, []);
    await playDrill(server.url, chosen);
    const mirrored = await createChatDrill(server.url, ['slack']);
    await control(server.url, mirrored.id, 'start', mirrored.facilitatorToken);
    // That drill's start and its three metrics; the first drill's own messages never came.
    await slack.waitForRequests(4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.requests).toHaveLength(4);
    expect(slack.requests[0]?.text).toContain('Drill started');
    expect(slack.requests.some((request) => request.text.includes('Status page'))).toBe(false);
  });
});

describe('when the chat fails for a while', () => {
  it('retries with back-off and delivers, logging no failure', async () => {
    const slack = await sink();
    slack.reply({ status: 500 }, { status: 503 });
    let waits: number[];
    ({ server, waits } = await chatServer(slack, null));
    const drill = await createChatDrill(server.url, ['slack']);
    await control(server.url, drill.id, 'start', drill.facilitatorToken);
    const requests = await slack.waitForRequests(6); // the start three times, then its metrics
    expect(slackHeadlines(requests.slice(0, 3))).toEqual(
      Array(3).fill(slackHeadlines(requests)[0]),
    );
    expect(waits).toEqual([1_000, 2_000]);
    const { log } = await exportedLog(server.url, drill);
    expect(log.some((entry) => entry.type === 'chat.delivery_failed')).toBe(false);
  });
});

describe('when the chat refuses every message', () => {
  it('logs one failure per message, without the URL, and the drill goes on at once', async () => {
    const slack = await sink({ status: 400, body: `invalid_payload at ${slackPath}` });
    ({ server } = await chatServer(slack, null));
    const drill = await createChatDrill(server.url, ['slack']);
    const started = Date.now();
    expect((await control(server.url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
    const failures = await waitForFact(server.url, drill, 'chat.delivery_failed', 4);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(slack.requests).toHaveLength(4); // a 400 is final: one attempt each
    expect(failures[0]).toMatchObject({
      payload: {
        chat: 'slack',
        about: 2,
        attempts: 1,
        reason: 'HTTP 400: invalid_payload at [webhook URL]',
      },
      meta: { actor: 'system' },
    });
    const { text } = await exportedLog(server.url, drill);
    expect(text).not.toContain('sl4ck-secret-path');
    expect(text).not.toContain(slack.url);
  });

  it('never holds an action’s answer while the chat is slow', async () => {
    const slack = await sink({ status: 200, delayMs: 1_500 });
    ({ server } = await chatServer(slack, null));
    const drill = await createChatDrill(server.url, ['slack']);
    await control(server.url, drill.id, 'start', drill.facilitatorToken);
    const asked = Date.now();
    const note = await act(server.url, drill.id, drill.facilitatorToken, {
      adhoc_inject: { kind: 'message', title: 'For everyone', body: '' },
    });
    expect(note.status).toBe(200);
    expect(Date.now() - asked).toBeLessThan(500);
  });
});

describe('when the server restarts during a mirrored drill', () => {
  it('keeps mirroring from the log, and the export names the chats, never a URL', async () => {
    const slack = await sink();
    const data = temporaryDirectory();
    ({ server } = await chatServer(slack, null, data));
    const drill = await createChatDrill(server.url, ['slack']);
    await control(server.url, drill.id, 'start', drill.facilitatorToken);
    await slack.waitForRequests(4);
    await server.close();

    ({ server } = await chatServer(slack, null, data));
    await act(server.url, drill.id, drill.facilitatorToken, {
      adhoc_inject: { kind: 'message', title: 'After the restart', body: 'still mirrored' },
    });
    const requests = await slack.waitForRequests(5);
    expect(slackHeadlines(requests).at(-1)).toBe('After the restart');

    const { text, log } = await exportedLog(server.url, drill);
    expect(log[0]).toMatchObject({ type: 'drill.created', payload: { chat: ['slack'] } });
    expect(text).not.toContain(slack.url);
    expect(text).not.toContain('sl4ck-secret-path');
  });
});
