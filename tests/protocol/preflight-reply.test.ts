/**
 * The FIS pre-flight and arming replies as a server allowed to run real experiments sends
 * them: one template read, one that could not be, and the arming that follows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DryRunFisGateway } from '../../src/fis/dry-run-fis-gateway';
import type { FisTemplate } from '../../src/fis/fis-gateway';
import { armReply, preflightReply } from '../../src/protocol/preflight';
import { createServer } from '../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../support/fixtures';
import { api, createDrill, serverKey } from '../support/server-harness';

/** Reads every template but `EXTnostop`, which FIS does not know. */
class PartlyKnownTemplates extends DryRunFisGateway {
  override async getExperimentTemplate(templateId: string): Promise<FisTemplate> {
    if (templateId === 'EXTnostop') throw new Error('ResourceNotFoundException: no such template');
    return super.getExperimentTemplate(templateId);
  }
}

let url = '';
let close = async () => {};
beforeAll(async () => {
  const store = SqliteDrillRepository.open(':memory:');
  const { app } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'tests/fixtures/gameday'),
    key: serverKey,
    realFis: { gateway: new PartlyKnownTemplates(() => Date.now()), endpoint: 'http://fis.test' },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  close = async () => {
    await app.close();
    await store.close();
  };
});
afterAll(() => close());

describe('when a server allowed to run real experiments answers', () => {
  it('accepts the pre-flight, read and unread templates alike, and rejects one without its endpoint', async () => {
    const drill = await createDrill(url, 'quick-gameday', 1);
    const { status, body } = await api<{ endpoint: string; experiments: object[] }>(
      url,
      `/api/drills/${drill.id}/preflight`,
      { token: drill.facilitatorToken },
    );
    expect(status).toBe(200);
    expect(body.experiments.some((experiment) => 'error' in experiment)).toBe(true);
    expect(body.experiments.some((experiment) => 'roleArn' in experiment)).toBe(true);
    const checked = preflightReply.safeParse(body);
    expect(checked.success ? [] : checked.error.issues).toEqual([]);
    const { endpoint: _endpoint, ...withoutEndpoint } = body;
    expect(preflightReply.safeParse(withoutEndpoint).success).toBe(false);
  });

  it('accepts the arming reply, and rejects one that was not armed', async () => {
    const drill = await createDrill(url, 'quick-gameday', 2);
    const { status, body } = await api(url, `/api/drills/${drill.id}/arm`, {
      body: {},
      token: drill.facilitatorToken,
    });
    expect(status).toBe(200);
    expect(armReply.safeParse(body).success).toBe(true);
    expect(armReply.safeParse({ ...(body as object), armed: false }).success).toBe(false);
  });
});
