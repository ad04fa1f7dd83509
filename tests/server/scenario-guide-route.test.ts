import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryReply } from '../../src/protocol/library';
import { api, startServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('when the guide is asked for over HTTP', () => {
  it('serves the same markdown the CLI prints, as text/markdown', async () => {
    const response = await fetch(
      `${server.url}/api/scenarios/db-failover-sev2/guide?format=markdown`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await response.text();
    expect(text).toMatch(/^# Facilitator's guide: /);
    expect(text).toContain('## Master scenario events list');
  });

  it('refuses another format and an unknown scenario', async () => {
    expect((await api(server.url, '/api/scenarios/db-failover-sev2/guide?format=pdf')).status).toBe(
      400,
    );
    expect((await api(server.url, '/api/scenarios/no-such/guide')).status).toBe(404);
  });
});

describe('when the library is listed', () => {
  it('says each scenario’s difficulty, null where the file does not', async () => {
    const { body } = await api<LibraryReply>(server.url, '/api/scenarios');
    expect(body.scenarios.length).toBeGreaterThan(0);
    for (const entry of body.scenarios) expect(entry).toHaveProperty('difficulty');
  });
});
