/**
 * Issue 12, item 2: every free-text field an action carries has a maximum length, and every
 * list a maximum number of items. Past one, the action is refused with 400 naming the field
 * and the limit, and nothing changes; HTTP and the WebSocket say the same.
 */
import { describe, expect, it } from 'vitest';
import { actionLimits } from '../../../src/engine/actions';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import { api, createDrill } from '../../support/server-harness';
import { act, control, follow, joinAs, serverForBlock } from '../server-test-helpers';

const server = serverForBlock();
const longer = (limit: number) => 'x'.repeat(limit + 1);
const many = (limit: number) => Array.from({ length: limit + 1 }, (_, index) => `f${index}`);
const fieldsOf = (names: readonly string[], value = 'x') =>
  Object.fromEntries(names.map((name) => [name, value]));
const { nameChars, fieldNameChars, listItems, messageChars, textChars, reasonChars } = actionLimits;
const page = { from: 'oncall', to: 'ic', channel: 'page' };
const handoff = { from: 'oncall', to: 'secondary' };

const overCaps = [
  {
    field: 'escalate.message',
    action: { escalate: { ...page, message: { situation: longer(messageChars) } } },
    limit: 'at most 4,000 characters in all',
  },
  {
    field: 'escalate.message',
    action: {
      escalate: {
        ...page,
        message: {
          situation: 'x'.repeat(messageChars / 2),
          impact: 'x'.repeat(messageChars / 2 + 1),
        },
      },
    },
    limit: 'at most 4,000 characters in all',
  },
  {
    field: 'escalate.message',
    action: { escalate: { ...page, message: fieldsOf(many(listItems)) } },
    limit: 'at most 50 fields',
  },
  {
    field: 'escalate.message',
    action: { escalate: { ...page, message: fieldsOf([longer(fieldNameChars)]) } },
    limit: 'field names of at most 100 characters',
  },
  {
    field: 'escalate.covered',
    action: { escalate: { ...page, covered: many(listItems) } },
    limit: 'at most 50 items',
  },
  {
    field: 'escalate.covered.0',
    action: { escalate: { ...page, covered: [longer(fieldNameChars)] } },
    limit: 'at most 100 characters',
  },
  {
    field: 'escalate.channel',
    action: { escalate: { ...page, channel: longer(nameChars) } },
    limit: 'at most 200 characters',
  },
  {
    field: 'handoff.message',
    action: { handoff: { ...handoff, message: { current_state: longer(messageChars) } } },
    limit: 'at most 4,000 characters in all',
  },
  {
    field: 'handoff.covered',
    action: { handoff: { ...handoff, covered: many(listItems) } },
    limit: 'at most 50 items',
  },
  {
    field: 'note.text',
    action: { note: { by: 'facilitator', text: longer(textChars) } },
    limit: 'at most 4,000 characters',
  },
  {
    field: 'declare.severity',
    action: { declare: { severity: longer(nameChars), by: 'ic' } },
    limit: 'at most 200 characters',
  },
  {
    field: 'debrief.text',
    action: { debrief: { kind: 'lesson', text: longer(textChars) } },
    limit: 'at most 4,000 characters',
  },
  {
    field: 'debrief.category',
    action: { debrief: { kind: 'lesson', text: 'x', category: longer(nameChars) } },
    limit: 'at most 200 characters',
  },
  {
    field: 'debrief.owner',
    action: { debrief: { kind: 'action_item', text: 'x', owner: longer(nameChars) } },
    limit: 'at most 200 characters',
  },
  {
    field: 'abort.reason',
    action: { abort: { reason: longer(reasonChars) } },
    limit: 'at most 1,000 characters',
  },
  {
    field: 'retract.reason',
    action: { retract: { seq: 1, reason: longer(reasonChars) } },
    limit: 'at most 1,000 characters',
  },
  {
    field: 'adhoc_inject.title',
    action: { adhoc_inject: { kind: 'message', title: longer(nameChars) } },
    limit: 'at most 200 characters',
  },
  {
    field: 'adhoc_inject.body',
    action: { adhoc_inject: { kind: 'message', title: 'VP asks', body: longer(textChars) } },
    limit: 'at most 4,000 characters',
  },
  {
    field: 'adhoc_inject.to',
    action: { adhoc_inject: { kind: 'message', title: 'VP asks', to: many(listItems) } },
    limit: 'at most 50 items',
  },
];

async function runningDrill() {
  const { url } = server();
  const drill = await createDrill(url);
  expect((await control(url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  const view = async () =>
    (await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken }))
      .body;
  return { url, drill, view };
}

describe('when an action carries more than a field may hold', () => {
  it.each(overCaps)('refuses $field ($limit) with 400 and changes nothing', async (over) => {
    const { url, drill, view } = await runningDrill();
    const before = await view();
    const answer = await act(url, drill.id, drill.facilitatorToken, over.action);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe(`invalid action: ${over.field}: ${over.limit}`);
    const after = await view();
    expect(after.seq).toBe(before.seq);
    expect(after.drill.status).toBe('running');
  });

  it('takes a message right at the limits', async () => {
    const { url, drill } = await runningDrill();
    // Every field the limits allow passes them; the template (format v2) then names its own.
    const names = Array.from({ length: listItems }, (_, index) => `f${index}`);
    const message = fieldsOf(names, 'x'.repeat(messageChars / listItems));
    const answer = await act(url, drill.id, drill.facilitatorToken, {
      escalate: { ...page, message, covered: names },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/^fields "f0", "f1", .* not in the escalation template/);
    const template = ['situation', 'impact', 'actions_taken', 'ask', 'next_update'];
    const full = fieldsOf(template, 'x'.repeat(messageChars / template.length));
    const taken = await act(url, drill.id, drill.facilitatorToken, {
      escalate: { ...page, message: full, covered: template },
    });
    expect(taken.status).toBe(200);
  });

  it('refuses the same over the WebSocket, with the same sentence', async () => {
    const { url, drill, view } = await runningDrill();
    const oncall = await joinAs(url, drill.joinCode, 'Ona', ['oncall']);
    const socket = await follow(url, drill.id, oncall);
    const before = await view();
    socket.send({
      type: 'action',
      action: { escalate: { ...page, message: { situation: longer(messageChars) } }, id: 'big' },
    });
    const refused = await socket.waitFor((frame) => frame.type === 'refused');
    expect(refused).toEqual({
      type: 'refused',
      id: 'big',
      status: 400,
      error: 'invalid action: escalate.message: at most 4,000 characters in all',
    });
    expect((await view()).seq).toBe(before.seq);
    socket.close();
  });
});

describe('when someone joins with a long name', () => {
  it('refuses a name over 60 characters with 400', async () => {
    const { url, drill } = await runningDrill();
    const answer = await api<{ details: { path: string }[] }>(url, '/api/join', {
      body: { code: drill.joinCode, name: longer(60), roles: ['oncall'] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details.map(({ path }) => path)).toEqual(['name']);
  });
});
