/**
 * Issue 12, item 12: the join limit counts failed attempts, not joins. A room of forty behind
 * one address joins; an address that keeps guessing codes is told to wait (429), and so is
 * anyone hammering one code from many addresses.
 */
import { describe, expect, it } from 'vitest';
import { api, createDrill } from '../../support/server-harness';
import { serverForBlock } from '../server-test-helpers';

const server = serverForBlock();
const join = (body: unknown) => api(server().url, '/api/join', { body });

describe('when a whole room joins from one address', () => {
  it('lets forty people in', async () => {
    const { url } = server();
    const drills = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => createDrill(url)));
    const roles = ['oncall', 'secondary', 'ic', 'dba', 'comms-lead'];
    const answers: number[] = [];
    for (const [index, drill] of drills.entries())
      for (const [person, role] of roles.entries())
        answers.push(
          (await join({ code: drill.joinCode, name: `P${index}-${person}`, roles: [role] })).status,
        );
    expect(answers).toEqual(Array.from({ length: 40 }, () => 201));
  });
});

describe('when an address keeps getting the code wrong', () => {
  it('answers the eleventh failure in a minute with 429 and a Retry-After', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++)
      statuses.push((await join({ code: '000000', name: 'Guess', roles: ['oncall'] })).status);
    expect(statuses.every((status) => status === 404)).toBe(true);
    const response = await fetch(`${server().url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: '000001', name: 'Guess', roles: ['oncall'] }),
    });
    expect(response.status).toBe(429);
    const wait = Number(response.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(((await response.json()) as { error: string }).error).toBe(
      `too many failed joins: check the code and try again in ${wait} s`,
    );
  });
});
