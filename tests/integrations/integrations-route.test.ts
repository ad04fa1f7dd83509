import { afterEach, describe, expect, it } from 'vitest';
import { integrationsReply } from '../../src/protocol/integrations';
import { noIntegrations } from '../../src/server/integrations/integration-settings';
import type { TestServer } from '../support/server-harness';
import { startServer } from '../support/server-harness';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('GET /api/integrations', () => {
  it('says which chats and routing key names the server has, and never a secret', async () => {
    server = await startServer({
      integrations: {
        ...noIntegrations,
        slackWebhookUrl: 'https://hooks.slack.com/services/T/B/secret-path',
        pagerDutyRoutingKeys: new Map([['payments-team', 'R0SECRETKEY']]),
      },
    });
    const response = await fetch(`${server.url}/api/integrations`, {
      headers: { authorization: `Bearer ${server.key}` },
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(integrationsReply.parse(JSON.parse(text))).toEqual({
      chat: ['slack'],
      pageRoutingKeys: ['payments-team'],
    });
    expect(text).not.toMatch(/secret|R0SECRET/i);
  });

  it('answers a server without integrations with empty lists', async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/api/integrations`);
    expect(await response.json()).toEqual({ chat: [], pageRoutingKeys: [] });
  });
});
