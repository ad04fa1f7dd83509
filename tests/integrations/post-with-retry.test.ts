import { afterEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../src/server/integrations/post-with-retry';
import { postJsonWithRetry } from '../../src/server/integrations/post-with-retry';
import type { HttpSink } from '../support/http-sink';
import { startHttpSink } from '../support/http-sink';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, timeoutMs: 2_000 };
let sink: HttpSink | undefined;
afterEach(() => sink?.close());

/** Records the back-off waits instead of sleeping them. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('when the service answers 2xx', () => {
  it('posts the body once as JSON and reports one attempt', async () => {
    sink = await startHttpSink();
    const result = await postJsonWithRetry(`${sink.url}/hook`, { text: 'drill' }, { policy });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 1 });
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]).toMatchObject({
      method: 'POST',
      path: '/hook',
      json: { text: 'drill' },
    });
    expect(sink.requests[0]?.headers['content-type']).toBe('application/json');
  });
});

describe('when the service fails for a while', () => {
  it('retries 5xx with doubling waits and succeeds', async () => {
    sink = await startHttpSink();
    sink.reply({ status: 500 }, { status: 503 });
    const { waits, sleep } = recordedSleep();
    const result = await postJsonWithRetry(sink.url, {}, { policy, sleep });
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(waits).toEqual([100, 200]);
  });

  it('waits as long as a 429 Retry-After says, within the bound', async () => {
    sink = await startHttpSink();
    sink.reply(
      { status: 429, headers: { 'retry-after': '30' } },
      { status: 429, headers: { 'retry-after': '0' } },
    );
    const { waits, sleep } = recordedSleep();
    const result = await postJsonWithRetry(sink.url, {}, { policy, sleep });
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(waits).toEqual([1_000, 200]);
  });

  it('gives up after the last attempt with the last reason', async () => {
    sink = await startHttpSink({ status: 502, body: 'bad gateway' });
    const { waits, sleep } = recordedSleep();
    const result = await postJsonWithRetry(sink.url, {}, { policy, sleep });
    expect(result).toEqual({
      ok: false,
      attempts: 4,
      status: 502,
      reason: 'HTTP 502: bad gateway',
    });
    expect(sink.requests).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });
});

describe('when the answer will not get better', () => {
  it('does not retry a 400 and says why', async () => {
    sink = await startHttpSink({ status: 400, body: 'invalid_payload' });
    const result = await postJsonWithRetry(sink.url, {}, { policy, sleep: async () => {} });
    expect(result).toEqual({
      ok: false,
      attempts: 1,
      status: 400,
      reason: 'HTTP 400: invalid_payload',
    });
  });
});

describe('when nobody answers', () => {
  it('retries a refused connection and names it', async () => {
    sink = await startHttpSink();
    const url = sink.url;
    await sink.close();
    sink = undefined;
    const result = await postJsonWithRetry(url, {}, { policy, sleep: async () => {} });
    expect(result).toMatchObject({ ok: false, attempts: 4, status: null });
    expect(result.ok ? '' : result.reason).toMatch(/ECONNREFUSED/);
  });

  it('counts a reply slower than the timeout as a failed attempt', async () => {
    sink = await startHttpSink();
    sink.reply({ status: 200, delayMs: 1_000 });
    const quick = { ...policy, attempts: 2, timeoutMs: 100 };
    const result = await postJsonWithRetry(sink.url, {}, { policy: quick, sleep: async () => {} });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
  });
});
