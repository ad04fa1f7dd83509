/** A server whose Slack and Teams webhooks are two local sinks, with back-off that does not wait. */
import { noIntegrations } from '../../src/server/integrations/integration-settings';
import type { IntegrationSettings } from '../../src/server/integrations/integration-settings';
import type { RetryPolicy } from '../../src/server/integrations/post-with-retry';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import type { LogEntry } from '../../src/engine/log';
import type { HttpSink, SinkRequest } from '../support/http-sink';
import type { TestServer } from '../support/server-harness';
import { api, serverKey, startServer } from '../support/server-harness';

/** The webhook paths carry a secret, as Slack's and Teams' do. */
export const slackPath = '/services/T0DRILL/B0DRILL/sl4ck-secret-path';
export const teamsPath = '/workflows/te4ms-secret-path/triggers/manual/paths/invoke';

export const quickRetries: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 2_000,
};

export function chatSettings(slack: HttpSink | null, teams: HttpSink | null): IntegrationSettings {
  return {
    ...noIntegrations,
    slackWebhookUrl: slack ? `${slack.url}${slackPath}` : null,
    teamsWebhookUrl: teams ? `${teams.url}${teamsPath}` : null,
  };
}

/** A server posting to these sinks; the waits of its back-off are recorded, not slept. */
export async function chatServer(
  slack: HttpSink | null,
  teams: HttpSink | null,
  dataDirectory?: string,
): Promise<{ server: TestServer; waits: number[] }> {
  const waits: number[] = [];
  const server = await startServer({
    integrations: chatSettings(slack, teams),
    chatDelivery: { policy: quickRetries, sleep: async (ms) => void waits.push(ms) },
    ...(dataDirectory === undefined ? {} : { dataDirectory }),
  });
  return { server, waits };
}

export async function createChatDrill(
  url: string,
  chat: readonly string[],
): Promise<CreateDrillReply> {
  const { status, body } = await api<CreateDrillReply>(url, '/api/drills', {
    body: { scenario: 'db-failover-sev2', seed: 3, team: 'Blue', chat },
    token: serverKey,
  });
  if (status !== 201) throw new Error(`creating a drill answered ${status}`);
  return body;
}

/** Each Slack request's fallback text, without the exercise marker. */
export const slackHeadlines = (requests: readonly SinkRequest[]) =>
  requests.map((request) =>
    String((request.json as { text: string }).text).replace(/^.*?incident: /, ''),
  );

/** Each Teams card's headline (its second TextBlock; the first is the marker). */
export const teamsHeadlines = (requests: readonly SinkRequest[]) =>
  requests.map(
    (request) =>
      (request.json as { attachments: [{ content: { body: { text: string }[] } }] }).attachments[0]
        .content.body[1]?.text,
  );

/** The drill's whole log as its facilitator reads it (the export). */
export async function exportedLog(
  url: string,
  drill: CreateDrillReply,
): Promise<{ text: string; log: LogEntry[] }> {
  const response = await fetch(`${url}/api/drills/${drill.id}/export`, {
    headers: { authorization: `Bearer ${drill.facilitatorToken}` },
  });
  const text = await response.text();
  return { text, log: (JSON.parse(text) as { log: LogEntry[] }).log };
}

/** Polls the export until an entry of this type is there (the queue works on its own time). */
export async function waitForFact(
  url: string,
  drill: CreateDrillReply,
  type: LogEntry['type'],
  count = 1,
): Promise<LogEntry[]> {
  const started = Date.now();
  for (;;) {
    const { log } = await exportedLog(url, drill);
    const found = log.filter((entry) => entry.type === type);
    if (found.length >= count) return found;
    if (Date.now() - started > 5_000)
      throw new Error(`no ${count} × ${type} within 5 s; log: ${log.map((e) => e.type).join()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
