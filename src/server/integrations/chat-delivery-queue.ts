/**
 * One drill's messages to one chat, in order: one in flight, the next waiting, each sent by
 * `postJsonWithRetry` (its back-off). Nobody awaits it on the drill's path: `enqueue` returns
 * at once. A message that finally fails is reported (the mirror logs it as a fact) and the
 * next one goes on. The queue is bounded: with a dead webhook and a busy drill it drops its
 * oldest waiting messages and reports them once, as "n messages dropped", before the next send.
 */
import type { ChatFailure } from '../../engine/chat-failure';
import type { ChatName } from '../../engine/chat-names';
import type { PostOptions, RetryPolicy } from './post-with-retry';
import { postJsonWithRetry } from './post-with-retry';

/** How many messages may wait behind the one in flight, per drill and chat. */
export const maxQueuedChatMessages = 100;

export interface ChatDeliveryOptions {
  readonly policy?: RetryPolicy;
  /** Injected by tests so back-off is not real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxQueued?: number;
}

interface Waiting {
  readonly about: number;
  readonly body: unknown;
}

export class ChatDeliveryQueue {
  private readonly waiting: Waiting[] = [];
  private dropped: { count: number; firstAbout: number } | null = null;
  private sending = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly chat: ChatName,
    private readonly url: string,
    private readonly onFailure: (failure: ChatFailure) => void,
    private readonly options: ChatDeliveryOptions = {},
  ) {}

  /** Queues a message (the entry it tells of, the chat's body) and returns at once. */
  enqueue(about: number, body: unknown): void {
    if (this.stopped) return;
    if (this.waiting.length >= (this.options.maxQueued ?? maxQueuedChatMessages)) {
      const oldest = this.waiting.shift();
      if (oldest)
        this.dropped = this.dropped
          ? { ...this.dropped, count: this.dropped.count + 1 }
          : { count: 1, firstAbout: oldest.about };
    }
    this.waiting.push({ about, body });
    if (!this.sending) void this.drain();
  }

  /** Resolves once nothing waits and nothing is in flight. */
  idle(): Promise<void> {
    if (!this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The drill is gone: nothing more is sent or reported (a message in flight finishes unheard). */
  stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
    this.dropped = null;
  }

  private async drain(): Promise<void> {
    this.sending = true;
    const post: PostOptions = {
      ...(this.options.policy ? { policy: this.options.policy } : {}),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
    };
    try {
      while (!this.stopped) {
        if (this.dropped) {
          const { count, firstAbout } = this.dropped;
          this.dropped = null;
          this.report({
            about: firstAbout,
            attempts: 0,
            reason: `${count} message${count === 1 ? '' : 's'} dropped unsent: at most ${this.options.maxQueued ?? maxQueuedChatMessages} wait while the chat does not answer`,
          });
        }
        const next = this.waiting.shift();
        if (!next) break;
        const delivery = await postJsonWithRetry(this.url, next.body, post);
        if (!delivery.ok && !this.stopped)
          this.report({
            about: next.about,
            attempts: delivery.attempts,
            reason: withoutUrl(delivery.reason, this.url),
          });
      }
    } finally {
      this.sending = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private report(failure: Omit<ChatFailure, 'chat'>): void {
    try {
      this.onFailure({ chat: this.chat, ...failure });
    } catch {
      // Reporting must never stop the queue; the mirror's own callback logs its errors.
    }
  }
}

/** A webhook URL is its secret: a reason never carries it, nor its path, whatever echoed it. */
export function withoutUrl(reason: string, url: string): string {
  const secrets = [url, url.replace(/\/+$/, '')];
  try {
    const { pathname, search } = new URL(url);
    if (pathname.length > 1 || search !== '') secrets.push(`${pathname}${search}`);
    if (pathname.length > 1) secrets.push(pathname);
  } catch {
    // Settings checked the URL already; nothing more to strip.
  }
  let cleaned = reason;
  for (const secret of secrets.sort((a, b) => b.length - a.length))
    if (secret !== '') cleaned = cleaned.replaceAll(secret, '[webhook URL]');
  return cleaned;
}
