import { afterEach, describe, expect, it } from 'vitest';
import { createDrillBody } from '../../src/protocol/http-bodies';
import { noIntegrations } from '../../src/server/integrations/integration-settings';
import type { TestServer } from '../support/server-harness';
import { api, serverKey, startServer } from '../support/server-harness';

let server: TestServer | undefined;
afterEach(() => server?.close());

const create = (url: string, chat: unknown) =>
  api<{ error: string; id?: string }>(url, '/api/drills', {
    body: { scenario: 'db-failover-sev2', seed: 3, chat },
    token: serverKey,
  });

const slackOnly = {
  ...noIntegrations,
  slackWebhookUrl: 'https://hooks.slack.com/services/T/B/secret-path',
};

describe('when a drill is created with chat', () => {
  it('accepts the chats this server has a webhook for', async () => {
    server = await startServer({ integrations: slackOnly });
    const created = await create(server.url, ['slack']);
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain('secret-path');
  });

  it('refuses a chat this server has no webhook for, naming it and its setting', async () => {
    server = await startServer({ integrations: slackOnly });
    const refused = await create(server.url, ['slack', 'teams']);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/no webhook for teams: set FIREDRILL_TEAMS_WEBHOOK_URL/);
  });

  it('refuses any chat on a server without webhooks', async () => {
    server = await startServer();
    const refused = await create(server.url, ['slack']);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/no webhook for slack/);
  });

  it.each([
    [['slack', 'slack'], 'a chat named twice'],
    [['discord'], 'an unknown chat'],
    ['slack', 'a string instead of a list'],
  ])('refuses %j (%s) and creates nothing', async (chat, _what) => {
    server = await startServer({ integrations: slackOnly });
    const refused = await create(server.url, chat);
    expect(refused.status).toBe(400);
    const history = await api<{ drills: unknown[] }>(server.url, '/api/drills', {
      token: serverKey,
    });
    expect(history.body.drills).toHaveLength(0);
  });

  it('takes no chat at all, or an empty list, as before', () => {
    expect(createDrillBody.safeParse({ scenario: 's' }).success).toBe(true);
    expect(createDrillBody.safeParse({ scenario: 's', chat: [] }).success).toBe(true);
    expect(createDrillBody.safeParse({ scenario: 's', chat: ['slack', 'slack'] }).success).toBe(
      false,
    );
  });
});
