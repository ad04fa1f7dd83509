/**
 * Issue 12, item 1: an import is checked for its shape first and located only where it is
 * wrong, and a large one is read in slices: the server goes on answering others meanwhile.
 * The large export is a real drill, played to its end on the simulated clock.
 */
import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { largeExport } from '../../../bench/large-export';
import { maxReportedExportProblems } from '../../../src/engine/drill-export';
import { api, createDrill, serverKey } from '../../support/server-harness';
import { control, serverForBlock } from '../server-test-helpers';

const server = serverForBlock();

interface Reply {
  readonly status: number;
  readonly body: { error?: string; details?: string[]; id?: string };
}

/** Posts an export; `sent` is called once the whole body has been handed to the socket. */
function postImport(text: string, sent: () => void = () => undefined): Promise<Reply> {
  const target = new URL('/api/drills/import', server().url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: target.pathname,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          authorization: `Bearer ${serverKey}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['body'],
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(text, sent);
  });
}

/** A small finished drill's export, pretty-printed as a person would edit it. */
async function smallExport(): Promise<
  Record<string, unknown> & { log: Record<string, unknown>[] }
> {
  const { url } = server();
  const drill = await createDrill(url);
  await control(url, drill.id, 'start', drill.facilitatorToken);
  await control(url, drill.id, 'end', drill.facilitatorToken);
  const exported = await api<Record<string, unknown> & { log: Record<string, unknown>[] }>(
    url,
    `/api/drills/${drill.id}/export`,
    { token: drill.facilitatorToken },
  );
  return exported.body;
}

/** The line and column (from 1) where `needle` first appears in `text`. */
function whereIs(text: string, needle: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  return `${index + 1}:${(lines[index] ?? '').indexOf(needle) + 1}`;
}

describe('when an import is malformed', () => {
  it('names the wrong value and the line and column where it is written', async () => {
    const exported = await smallExport();
    const entry = exported.log[1] as { payload: unknown };
    exported.log[1] = { ...entry, type: 'drill.exploded' };
    const text = JSON.stringify(exported, null, 2);
    const reply = await postImport(text);
    expect(reply.status).toBe(400);
    expect(reply.body.details).toEqual([
      expect.stringMatching(
        new RegExp(
          `^import\\.json:${whereIs(text, '"drill.exploded"')}: \\$\\.log\\[1\\]\\.type: Invalid option`,
        ),
      ),
    ]);
  });

  it('points at where the JSON stops being JSON', async () => {
    const text = JSON.stringify(await smallExport(), null, 2).replace(
      '"version": 1,',
      '"version": 1,,',
    );
    const reply = await postImport(text);
    expect(reply.status).toBe(400);
    const [line, column] = whereIs(text, ',,').split(':').map(Number);
    expect(reply.body.details).toEqual([
      expect.stringMatching(
        new RegExp(`^import\\.json:${line}:${(column ?? 0) + 1}: not valid JSON: .*position \\d+`),
      ),
    ]);
  });

  it(`lists at most ${maxReportedExportProblems} problems and counts the rest`, async () => {
    const exported = await smallExport();
    const entry = exported.log[0] as Record<string, unknown>;
    exported.log = Array.from({ length: 500 }, () => ({ ...entry, seq: 0 }));
    const reply = await postImport(JSON.stringify(exported));
    expect(reply.status).toBe(400);
    expect(reply.body.details).toHaveLength(maxReportedExportProblems + 1);
    expect(reply.body.details?.at(-1)).toMatch(/and 480 more problems/);
  });
});

describe('while a large export is imported', () => {
  let text = '';
  beforeAll(async () => {
    text = (await largeExport(20_000)).text;
  }, 60_000);

  it(
    'goes on answering /api/health, and then imports the drill',
    { timeout: 120_000 },
    async () => {
      const { url } = server();
      let uploaded = false;
      let importing = true;
      const answeredAfterUpload: number[] = [];
      const importing$ = postImport(text, () => (uploaded = true)).finally(
        () => (importing = false),
      );
      // One health check at a time: each is sent once the previous one is answered.
      while (importing) {
        const health = await api(url, '/api/health');
        expect(health.status).toBe(200);
        if (uploaded && importing) answeredAfterUpload.push(health.status);
      }
      const imported = await importing$;
      expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
      // Before, the whole export was read and checked without a pause once it had arrived:
      // no health check was answered from then until the import's own answer.
      expect(answeredAfterUpload.length).toBeGreaterThanOrEqual(10);
      const history = await api<{ drills: { id: string }[] }>(url, '/api/drills', {
        token: serverKey,
      });
      expect(history.body.drills.map((drill) => drill.id)).toContain(imported.body.id);
    },
  );
});
