/**
 * Issue 12, item 7: sequence numbers tell nothing of hidden entries. The projector and each
 * participant number the entries they may see 1, 2, 3… (frames, snapshots, the HTTP reply to
 * an action, the ack frame, and every seq a payload names); a participant names a page by its
 * own number; the facilitator keeps the log's numbering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { factPayloadSchemas, factTypes } from '../../../src/engine/fact-schema';
import type { LogEntry } from '../../../src/engine/log';
import type { DrillSnapshot, VisibleEntry } from '../../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../../src/protocol/http-bodies';
import type { ServerFrame } from '../../../src/protocol/ws-messages';
import { referencedSeqs } from '../../../src/server/seq-references';
import { api, createDrill, startServer } from '../../support/server-harness';
import type { TestServer, TestSocket } from '../../support/server-harness';
import {
  act,
  control,
  entriesSeen,
  follow,
  joinAs,
  recordRawFrames,
  waitForEntry,
} from '../server-test-helpers';

let server: TestServer;
let drill: CreateDrillReply;
let oncall: string;
let ic: string;
const sockets = new Map<'projector' | 'oncall' | 'ic', TestSocket>();
const raw = new Map<'projector' | 'oncall' | 'ic', string[]>();

const snapshotOf = async (token: string) =>
  (await api<DrillSnapshot>(server.url, `/api/drills/${drill.id}`, { token })).body;
const tokenOf = (who: 'projector' | 'oncall' | 'ic') =>
  who === 'projector' ? drill.projectorKey : who === 'oncall' ? oncall : ic;

beforeAll(async () => {
  server = await startServer();
  drill = await createDrill(server.url);
  oncall = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall']);
  ic = await joinAs(server.url, drill.joinCode, 'Ike', ['ic']);
  expect((await control(server.url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  for (const who of ['projector', 'oncall', 'ic'] as const) {
    const socket = await follow(server.url, drill.id, tokenOf(who));
    raw.set(who, recordRawFrames(socket));
    sockets.set(who, socket);
  }
  const f = drill.facilitatorToken;
  // Hidden from everyone but the facilitator, or from all but one role, between visible ones.
  await act(server.url, drill.id, f, { note: { by: 'facilitator', text: 'hesitated' } });
  await act(server.url, drill.id, f, {
    adhoc_inject: { kind: 'message', title: 'Legal for IC', to: ['ic'] },
  });
  await act(server.url, drill.id, oncall, { note: { by: 'oncall', text: 'my own note' } });
  await act(server.url, drill.id, oncall, {
    escalate: { from: 'oncall', to: 'ic', channel: 'page' },
  });
  await act(server.url, drill.id, f, { note: { by: 'facilitator', text: 'again' } });
  await act(server.url, drill.id, oncall, { declare: { severity: 'SEV2', by: 'oncall' } });
}, 30_000);

afterAll(async () => {
  for (const socket of sockets.values()) socket.close();
  await server.close();
});

describe('when entries hidden from some viewers sit between visible ones', () => {
  it('numbers each viewer’s entries 1, 2, 3… without gaps, over the socket', async () => {
    for (const [who, socket] of sockets) {
      await waitForEntry(socket, (entry) => entry.type === 'severity.declared');
      const seqs = entriesSeen(socket).map((entry) => entry.seq);
      expect(seqs, who).toEqual(seqs.map((_, index) => index + 1));
    }
  });

  it('gives every frame the seq of the last entry the viewer may see, never the log’s length', async () => {
    const logLength = (await snapshotOf(drill.facilitatorToken)).seq;
    for (const [who, texts] of raw) {
      for (const text of texts) {
        const frame = JSON.parse(text) as ServerFrame;
        if (frame.type !== 'entries') continue;
        expect(frame.seq, who).toBe(frame.entries.at(-1)?.seq);
      }
      const seen = entriesSeen(sockets.get(who) as TestSocket).length;
      expect(seen, who).toBeLessThan(logLength);
    }
  });

  it('numbers the HTTP snapshot the same way, its seq counting only what the viewer may see', async () => {
    for (const who of ['projector', 'oncall', 'ic'] as const) {
      const snapshot = await snapshotOf(tokenOf(who));
      expect(snapshot.entries.map((entry) => entry.seq)).toEqual(
        snapshot.entries.map((_, i) => i + 1),
      );
      expect(snapshot.seq).toBe(snapshot.entries.length);
      expect(snapshot.entries).toEqual(entriesSeen(sockets.get(who) as TestSocket));
    }
  });

  it('keeps the log’s own numbering for the facilitator', async () => {
    const snapshot = await snapshotOf(drill.facilitatorToken);
    expect(snapshot.entries.map((entry) => entry.seq)).toEqual(
      snapshot.entries.map((_, i) => i + 1),
    );
    expect(snapshot.entries.some((entry) => entry.type === 'note.recorded')).toBe(true);
  });
});

describe('when a participant acknowledges a page by its own number', () => {
  const pageIn = (entries: readonly VisibleEntry[]) =>
    entries.find((entry) => entry.type === 'escalation.recorded');

  it('acknowledges that page and answers with the ack’s number in the caller’s numbering', async () => {
    const before = await snapshotOf(ic);
    const page = pageIn(before.entries);
    const logPage = pageIn((await snapshotOf(drill.facilitatorToken)).entries);
    expect(page?.seq).toBeDefined();
    expect(page?.seq).not.toBe(logPage?.seq);
    const answer = await act(server.url, drill.id, ic, {
      ack: { by: 'ic', escalation: page?.seq },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.seq).toBe(before.seq + 1);
    for (const who of ['projector', 'oncall', 'ic'] as const) {
      const entries = (await snapshotOf(tokenOf(who))).entries;
      const ack = entries.find((entry) => entry.type === 'acknowledgement.recorded');
      expect(ack?.payload, who).toMatchObject({ escalation: pageIn(entries)?.seq });
    }
    const facilitator = (await snapshotOf(drill.facilitatorToken)).entries;
    const ack = facilitator.find((entry) => entry.type === 'acknowledgement.recorded');
    expect(ack?.payload).toMatchObject({ escalation: logPage?.seq });
  });

  it('answers an ack frame in the caller’s numbering too', async () => {
    await act(server.url, drill.id, oncall, {
      escalate: { from: 'oncall', to: 'ic', channel: 'chat' },
    });
    const socket = await follow(server.url, drill.id, ic);
    const snapshot = socket.frames[0];
    if (snapshot?.type !== 'snapshot') throw new Error('expected a snapshot');
    const pages = snapshot.snapshot.entries.filter((entry) => entry.type === 'escalation.recorded');
    socket.send({
      type: 'action',
      action: { id: 'ack-2', ack: { by: 'ic', escalation: pages.at(-1)?.seq } },
    });
    const ack = await socket.waitFor((frame) => frame.type === 'ack' || frame.type === 'refused');
    expect(ack).toEqual({
      type: 'ack',
      id: 'ack-2',
      seq: snapshot.snapshot.seq + 1,
      duplicate: false,
    });
    socket.close();
  });

  it('refuses a number it was never shown, naming that number', async () => {
    const seen = (await snapshotOf(ic)).seq;
    const answer = await act(server.url, drill.id, ic, {
      ack: { by: 'ic', escalation: seen + 40 },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe(`escalation ${seen + 40} is not an open page to "ic"`);
  });
});

describe('when the facilitator retracts a fact the room saw', () => {
  it('points the retraction at the viewer’s own number for it', async () => {
    const logEntries = (await snapshotOf(drill.facilitatorToken)).entries;
    const declared = logEntries.find((entry) => entry.type === 'severity.declared');
    const answer = await act(server.url, drill.id, drill.facilitatorToken, {
      retract: { seq: declared?.seq, reason: 'wrong role' },
    });
    expect(answer.status).toBe(200);
    for (const who of ['projector', 'oncall'] as const) {
      const entries = (await snapshotOf(tokenOf(who))).entries;
      const retraction = entries.find((entry) => entry.type === 'fact.retracted');
      const own = entries.find((entry) => entry.type === 'severity.declared');
      expect(retraction?.payload, who).toMatchObject({ seq: own?.seq });
      expect(own?.seq, who).not.toBe(declared?.seq);
    }
  });
});

describe('the list of seq references', () => {
  /** Every payload field typed as a log seq (a positive integer) in the fact vocabulary. */
  const seqFields = factTypes.flatMap((type) => {
    const schema = z.toJSONSchema(factPayloadSchemas[type], { unrepresentable: 'any' }) as {
      properties?: Record<
        string,
        {
          type?: string;
          exclusiveMinimum?: number;
          anyOf?: { type?: string; exclusiveMinimum?: number }[];
        }
      >;
    };
    return Object.entries(schema.properties ?? {})
      .filter(([, field]) =>
        [field, ...(field.anyOf ?? [])].some(
          (option) => option.type === 'integer' && option.exclusiveMinimum === 0,
        ),
      )
      .map(([field]) => ({ type, field }));
  });

  it('names every payload field that points at another entry', () => {
    expect(seqFields.length).toBeGreaterThanOrEqual(4);
    for (const { type, field } of seqFields) {
      const entry = {
        seq: 9,
        drillMs: 0,
        wallMs: 0,
        type,
        payload: { [field]: 7 },
      } as unknown as LogEntry;
      expect(referencedSeqs(entry), `${type}.${field}`).toContain(7);
    }
  });
});
