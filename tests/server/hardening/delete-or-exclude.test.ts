/**
 * Issue 12, item 5: deleting a drill is for good, so only a plain "keep it out of trends"
 * (`?exclude=true`, or a JSON body `{"exclude": true}`) keeps it, a plain delete deletes it,
 * and anything else is a 400 that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { api, createDrill } from '../../support/server-harness';
import { serverForBlock } from '../server-test-helpers';

const server = serverForBlock();

async function remove(path: string, body?: unknown) {
  const { url } = server();
  const drill = await createDrill(url);
  const answer = await api(url, `/api/drills/${drill.id}${path}`, {
    method: 'DELETE',
    token: drill.facilitatorToken,
    ...(body === undefined ? {} : { body }),
  });
  const after = await api(url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken });
  return { status: answer.status, stillThere: after.status === 200 };
}

describe('when a facilitator deletes or excludes a drill', () => {
  it.each(['?exclude=1', '?exclude=TRUE', '?exclude=yes', '?exclude=true&purge=1', '?exclude'])(
    'answers %s with 400 and keeps the drill',
    async (query) => {
      expect(await remove(query)).toEqual({ status: 400, stillThere: true });
    },
  );

  it.each([{ exclude: 'true' }, { exclude: 1 }, { exclude: true, purge: true }, 'exclude'])(
    'answers the body %j with 400 and keeps the drill',
    async (body) => {
      expect(await remove('', body)).toEqual({ status: 400, stillThere: true });
    },
  );

  it('keeps the drill for ?exclude=true and for {"exclude": true}', async () => {
    expect(await remove('?exclude=true')).toEqual({ status: 200, stillThere: true });
    expect(await remove('', { exclude: true })).toEqual({ status: 200, stillThere: true });
  });

  it('deletes it for a plain DELETE and for ?exclude=false', async () => {
    expect(await remove('')).toEqual({ status: 204, stillThere: false });
    expect(await remove('?exclude=false')).toEqual({ status: 204, stillThere: false });
  });
});
