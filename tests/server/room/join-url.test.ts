/** Who gets the join code and URL, and when (api.md v2): raw HTTP bodies and socket frames. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import type { TestServer } from '../../support/server-harness';
import { api, createDrill, startServer } from '../../support/server-harness';
import { follow, joinAs } from '../server-test-helpers';
import { publicUrl } from './public-address';

const drillOf = async (server: TestServer, id: string, token: string) =>
  (await api<DrillSnapshot>(server.url, `/api/drills/${id}`, { token })).body.drill;

describe('when phones reach the server at a public URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ publicUrl });
  });
  afterAll(async () => server.close());

  it('gives the facilitator the join URL at that address while the drill is open, and nothing once it ended', async () => {
    const created = await createDrill(server.url);
    const expected = `${publicUrl}/join/${created.joinCode}`;
    expect(await drillOf(server, created.id, created.facilitatorToken)).toMatchObject({
      joinCode: created.joinCode,
      joinUrl: expected,
    });
    await api(server.url, `/api/drills/${created.id}/start`, {
      token: created.facilitatorToken,
      method: 'POST',
    });
    expect((await drillOf(server, created.id, created.facilitatorToken)).joinUrl).toBe(expected);
    await api(server.url, `/api/drills/${created.id}/end`, {
      token: created.facilitatorToken,
      method: 'POST',
    });
    expect(await drillOf(server, created.id, created.facilitatorToken)).toMatchObject({
      joinCode: null,
      joinUrl: null,
    });
  });

  it('gives the projector the code and URL in briefing only, in its snapshot frame too', async () => {
    const created = await createDrill(server.url);
    const briefing = await follow(server.url, created.id, created.projectorKey);
    const frame = briefing.frames[0];
    expect(frame?.type === 'snapshot' ? frame.snapshot.drill : null).toMatchObject({
      joinCode: created.joinCode,
      joinUrl: `${publicUrl}/join/${created.joinCode}`,
    });
    briefing.close();
    await api(server.url, `/api/drills/${created.id}/start`, {
      token: created.facilitatorToken,
      method: 'POST',
    });
    expect(await drillOf(server, created.id, created.projectorKey)).toMatchObject({
      joinCode: null,
      joinUrl: null,
    });
  });

  it('never gives a participant the code or the URL', async () => {
    const created = await createDrill(server.url);
    const token = await joinAs(server.url, created.joinCode, 'Ana', ['oncall']);
    expect(await drillOf(server, created.id, token)).toMatchObject({
      joinCode: null,
      joinUrl: null,
    });
  });
});

describe('when the server listens on loopback with no public URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('names the listening address, as no phone is expected', async () => {
    const created = await createDrill(server.url);
    expect((await drillOf(server, created.id, created.facilitatorToken)).joinUrl).toBe(
      `${server.url}/join/${created.joinCode}`,
    );
  });
});

describe('when the server listens beyond loopback with no public URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ host: '0.0.0.0' });
  });
  afterAll(async () => server.close());

  it('never names a loopback address for phones', async () => {
    const created = await createDrill(server.url);
    const { joinUrl } = await drillOf(server, created.id, created.facilitatorToken);
    // null only on a machine with no network at all; the console then asks for --public-url.
    if (joinUrl !== null) {
      expect(joinUrl).toMatch(
        new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${server.port}/join/${created.joinCode}$`),
      );
      expect(joinUrl).not.toMatch(/^http:\/\/(127\.|localhost)/);
    }
  });
});
