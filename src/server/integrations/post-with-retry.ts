/**
 * One JSON POST to an outside service (a chat webhook, PagerDuty's Events API), retried with
 * exponential back-off: on a network error, a timeout, 429 (after its Retry-After, bounded)
 * and 5xx. Any other answer is final: a 400 will not get better by asking again. It never
 * throws; the caller turns a failure into a visible log entry. Nothing here waits on the
 * drill: callers do not await it on the drill's path.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** The wait before the second attempt; each later wait doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long one attempt may take before it counts as failed. */
  readonly timeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
};

export type Delivery =
  | { readonly ok: true; readonly status: number; readonly attempts: number; readonly body: string }
  | {
      readonly ok: false;
      readonly attempts: number;
      /** The last status, when the service answered at all. */
      readonly status: number | null;
      /** Why, in words: "HTTP 400: invalid_payload", "connect ECONNREFUSED 127.0.0.1:9". */
      readonly reason: string;
    };

export interface PostOptions {
  readonly policy?: RetryPolicy;
  /** Injected by tests so back-off is not real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly headers?: Readonly<Record<string, string>>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The most of a reply body kept for a failure's reason. */
const reasonBodyChars = 200;

export async function postJsonWithRetry(
  url: string,
  body: unknown,
  options: PostOptions = {},
): Promise<Delivery> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? realSleep;
  const text = JSON.stringify(body);
  let last: Extract<Delivery, { ok: false }> = {
    ok: false,
    attempts: 0,
    status: null,
    reason: 'not sent',
  };
  for (let attempt = 1; attempt <= policy.attempts; attempt += 1) {
    const outcome = await postOnce(url, text, policy.timeoutMs, options.headers ?? {});
    if (outcome.kind === 'delivered')
      return { ok: true, status: outcome.status, attempts: attempt, body: outcome.body };
    last = { ok: false, attempts: attempt, status: outcome.status, reason: outcome.reason };
    if (outcome.kind === 'final' || attempt === policy.attempts) return last;
    const backOff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    await sleep(Math.min(policy.maxDelayMs, Math.max(backOff, outcome.retryAfterMs ?? 0)));
  }
  return last;
}

type Outcome =
  | { readonly kind: 'delivered'; readonly status: number; readonly body: string }
  | { readonly kind: 'final'; readonly status: number; readonly reason: string }
  | {
      readonly kind: 'retry';
      readonly status: number | null;
      readonly reason: string;
      readonly retryAfterMs?: number;
    };

async function postOnce(
  url: string,
  body: string,
  timeoutMs: number,
  headers: Readonly<Record<string, string>>,
): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    return { kind: 'retry', status: null, reason: networkReason(error, timeoutMs) };
  }
  const replyText = await response.text().catch(() => '');
  if (response.ok) return { kind: 'delivered', status: response.status, body: replyText };
  const reason = `HTTP ${response.status}${replyText ? `: ${replyText.slice(0, reasonBodyChars)}` : ''}`;
  if (response.status === 429) {
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    return {
      kind: 'retry',
      status: 429,
      reason,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    };
  }
  if (response.status >= 500) return { kind: 'retry', status: response.status, reason };
  return { kind: 'final', status: response.status, reason };
}

/** Retry-After in seconds (dates are rare from webhooks and ignored: back-off decides). */
function retryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  // undici puts the system error (ECONNREFUSED …) in `cause`.
  const cause =
    error instanceof Error ? (error.cause as { message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
