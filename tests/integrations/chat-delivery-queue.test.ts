import { afterEach, describe, expect, it } from 'vitest';
import type { ChatFailure } from '../../src/engine/chat-failure';
import { feedItem } from '../../src/engine/projection/feed-item';
import type { ProjectedEntry } from '../../src/engine/projection/projection-views';
import { ChatDeliveryQueue, withoutUrl } from '../../src/server/integrations/chat-delivery-queue';
import type { HttpSink } from '../support/http-sink';
import { startHttpSink } from '../support/http-sink';
import { quickRetries } from './chat-mirror-support';

let sink: HttpSink | undefined;
afterEach(() => sink?.close());

const noWait = { policy: quickRetries, sleep: async () => {} };

describe('when messages queue for one chat', () => {
  it('sends them one at a time, in order', async () => {
    sink = await startHttpSink({ status: 200, delayMs: 20 });
    const queue = new ChatDeliveryQueue('slack', `${sink.url}/hook`, () => {}, noWait);
    for (let seq = 1; seq <= 5; seq++) queue.enqueue(seq, { n: seq });
    await queue.idle();
    expect(sink.requests.map((request) => request.json)).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ n })),
    );
  });

  it('drops the oldest waiting messages past its bound and says how many, once', async () => {
    sink = await startHttpSink({ status: 500 });
    const failures: ChatFailure[] = [];
    const queue = new ChatDeliveryQueue('teams', `${sink.url}/hook`, (f) => failures.push(f), {
      ...noWait,
      maxQueued: 3,
    });
    for (let seq = 1; seq <= 2_000; seq++) queue.enqueue(seq, { n: seq });
    await queue.idle();
    // The first went out at once; of the 1,999 behind it the newest 3 waited.
    const sent = new Set(sink.requests.map((request) => (request.json as { n: number }).n));
    expect([...sent]).toEqual([1, 1998, 1999, 2000]);
    expect(failures).toEqual([
      { chat: 'teams', about: 1, attempts: 3, reason: 'HTTP 500' },
      {
        chat: 'teams',
        about: 2,
        attempts: 0,
        reason: '1996 messages dropped unsent: at most 3 wait while the chat does not answer',
      },
      { chat: 'teams', about: 1998, attempts: 3, reason: 'HTTP 500' },
      { chat: 'teams', about: 1999, attempts: 3, reason: 'HTTP 500' },
      { chat: 'teams', about: 2000, attempts: 3, reason: 'HTTP 500' },
    ]);
  });

  it('sends nothing more once stopped', async () => {
    sink = await startHttpSink({ status: 200, delayMs: 20 });
    const queue = new ChatDeliveryQueue('slack', sink.url, () => {}, noWait);
    queue.enqueue(1, {});
    queue.enqueue(2, {});
    queue.stop();
    await queue.idle();
    expect(sink.requests).toHaveLength(1);
  });
});

describe('when a failure names the webhook', () => {
  it('strips the URL and its secret path from the reason', () => {
    const url = 'https://hooks.slack.com/services/T0/B0/s3cret';
    expect(withoutUrl(`no such hook ${url} (/services/T0/B0/s3cret)`, url)).toBe(
      'no such hook [webhook URL] ([webhook URL])',
    );
  });
});

describe('when the console shows a chat failure', () => {
  it('says in words which chat, after how many attempts, and why', () => {
    const entry = {
      seq: 9,
      drillMs: 60_000,
      wallMs: 0,
      type: 'chat.delivery_failed',
      payload: { chat: 'slack', about: 4, attempts: 5, reason: 'HTTP 404: no_service' },
    } as ProjectedEntry;
    expect(feedItem(entry, (id) => id ?? '')).toMatchObject({
      tone: 'system',
      title: 'Slack message not delivered after 5 attempts',
      detail: 'HTTP 404: no_service',
    });
  });
});
