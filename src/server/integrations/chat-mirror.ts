/**
 * A live drill mirrored into the team's chat (issue 17, item 2): it follows the drill's new
 * entries once they are stored (`LiveDrill.subscribe`), turns the ones the chat is told of
 * into messages (chat-message.ts) and queues them per chat (chat-delivery-queue.ts). It
 * never awaits a delivery and never reads the channel. A message that does not get there
 * becomes a `chat.delivery_failed` fact. Which chats a drill mirrors into is in its own
 * `drill.created` entry, so a restarted server mirrors on; what was in flight at a restart
 * is not sent again (a restart may skip a few messages: the README says so).
 */
import type { ChatFailure } from '../../engine/chat-failure';
import type { ChatName } from '../../engine/chat-names';
import type { LogEntry } from '../../engine/log';
import type { DrillHostOptions } from '../drill-host-options';
import { isFinished } from '../drill-summaries';
import type { LiveDrill } from '../live-drill';
import type { ChatMessage } from './chat-message';
import { chatMessageFor } from './chat-message';
import type { ChatDeliveryOptions } from './chat-delivery-queue';
import { ChatDeliveryQueue } from './chat-delivery-queue';
import type { IntegrationSettings } from './integration-settings';
import { chatWebhookUrl, noIntegrations } from './integration-settings';
import { slackMessage } from './slack-message';
import { teamsMessage } from './teams-message';

export interface ChatMirrorOptions {
  readonly settings: IntegrationSettings;
  /** Where browsers reach this server, for the scorecard link; null when unknown. */
  readonly linkBase: () => string | null;
  readonly delivery?: ChatDeliveryOptions;
  readonly onError: (error: unknown) => void;
}

const bodyFor: Record<ChatName, (message: ChatMessage) => unknown> = {
  slack: slackMessage,
  teams: teamsMessage,
};

const setting: Record<ChatName, string> = {
  slack: 'FIREDRILL_SLACK_WEBHOOK_URL',
  teams: 'FIREDRILL_TEAMS_WEBHOOK_URL',
};

/** The chats a drill's log says it mirrors into (none for drills from before issue 17). */
export function mirroredChats(log: readonly LogEntry[]): readonly ChatName[] {
  const created = log[0];
  return created?.type === 'drill.created' ? (created.payload.chat ?? []) : [];
}

/** Mirrors a hosted drill that chose chats and is not over yet; null for every other drill. */
export function startChatMirror(
  live: LiveDrill,
  host: Pick<DrillHostOptions, 'integrations' | 'chatDelivery' | 'joinBaseUrl'>,
  onError: (error: unknown) => void,
): ChatMirror | null {
  const chats = mirroredChats(live.drill.log);
  if (chats.length === 0 || isFinished(live.drill.phase())) return null;
  return new ChatMirror(live, chats, {
    settings: host.integrations ?? noIntegrations,
    linkBase: () => host.joinBaseUrl?.() ?? null,
    ...(host.chatDelivery ? { delivery: host.chatDelivery } : {}),
    onError,
  });
}

export class ChatMirror {
  private readonly queues = new Map<ChatName, ChatDeliveryQueue>();
  /** Chats the drill chose that this server has no webhook for (any more): said once. */
  private readonly unreachable: Set<ChatName>;

  constructor(
    private readonly live: LiveDrill,
    chats: readonly ChatName[],
    private readonly options: ChatMirrorOptions,
  ) {
    this.unreachable = new Set();
    for (const chat of chats) {
      const url = chatWebhookUrl(options.settings, chat);
      if (url === null) this.unreachable.add(chat);
      else
        this.queues.set(
          chat,
          new ChatDeliveryQueue(chat, url, (failure) => this.failed(failure), options.delivery),
        );
    }
    const unsubscribe = live.subscribe((entries) => this.follow(entries));
    live.onClose(() => {
      unsubscribe();
      for (const queue of this.queues.values()) queue.stop();
    });
  }

  /** Resolves once every chat's queue is empty (tests; a shutdown may wait on it). */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.idle()));
  }

  private follow(entries: readonly LogEntry[]): void {
    const { drill, stored } = this.live;
    for (const entry of entries) {
      const message = chatMessageFor(
        {
          id: this.live.id,
          scenario: drill.scenario,
          team: stored.team,
          log: drill.log,
          linkBase: this.options.linkBase(),
        },
        entry,
      );
      if (!message) continue;
      for (const [chat, queue] of this.queues) queue.enqueue(message.about, bodyFor[chat](message));
      for (const chat of this.unreachable) {
        this.unreachable.delete(chat);
        this.failed({
          chat,
          about: message.about,
          attempts: 0,
          reason: `this server has no ${chat === 'slack' ? 'Slack' : 'Teams'} webhook (${setting[chat]}): nothing is posted there for this drill`,
        });
      }
    }
  }

  private failed(failure: ChatFailure): void {
    this.live.reportChatFailure(failure).catch((error: unknown) => this.options.onError(error));
  }
}
