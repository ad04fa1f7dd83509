/**
 * How long a caller's snapshot of a large drill takes to build and serialise, and how big it
 * is: a 20,000-entry drill, half of it pages the whole room sees and half the facilitator's
 * own notes. Run on its own (`npx tsx bench/snapshot-build.ts [repo root]`) it measures the
 * code under that root, so two versions can be compared; `npm run bench` includes it.
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type * as CreateServer from '../src/server/http/create-server';
import type * as Access from '../src/server/http/access';
import type * as MemoryStore from '../src/server/store/memory-drill-repository';
import type { Figure } from './figure';
import { percentile, round } from './figure';

type ServerModule = typeof CreateServer;
type SnapshotModule = { snapshotFor: (...args: never[]) => unknown };
type AccessModule = typeof Access;
type StoreModule = typeof MemoryStore;

const load = async <T>(root: string, path: string): Promise<T> =>
  (await import(pathToFileURL(join(root, path)).href)) as T;

export async function snapshotFigures(
  entryCount = 20_000,
  root = resolve('.'),
  messageBytes = 40,
): Promise<Figure[]> {
  const { createServer } = await load<ServerModule>(root, 'src/server/http/create-server.ts');
  const { snapshotFor } = await load<SnapshotModule>(
    root,
    'src/server/http/snapshot-for-viewer.ts',
  );
  const { callerOf } = await load<AccessModule>(root, 'src/server/http/access.ts');
  const { MemoryDrillRepository } = await load<StoreModule>(
    root,
    'src/server/store/memory-drill-repository.ts',
  );
  const store = new MemoryDrillRepository();
  const { app, host } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(root, 'scenarios'),
    key: 'bench',
  });
  await app.ready();
  const reply = await app.inject({
    method: 'POST',
    url: '/api/drills',
    headers: { host: '127.0.0.1', 'content-type': 'application/json' },
    payload: { scenario: 'db-failover-sev2', seed: 3 },
  });
  const created = reply.json<{
    id: string;
    joinCode: string;
    facilitatorToken: string;
    projectorKey: string;
  }>();
  const joined = await app.inject({
    method: 'POST',
    url: '/api/join',
    headers: { host: '127.0.0.1', 'content-type': 'application/json' },
    payload: { code: created.joinCode, name: 'Ana', roles: ['oncall'] },
  });
  const participantToken = joined.json<{ participantToken: string }>().participantToken;
  const live = await host.get(created.id);
  if (!live) throw new Error('the drill is not hosted');
  const facilitator = { kind: 'facilitator' } as const;
  await live.act({ action: { type: 'start' }, actor: facilitator });
  while (live.drill.log.length < entryCount) {
    const paged = await live.act({
      action: {
        type: 'escalate',
        from: 'oncall',
        to: 'ic',
        channel: 'page',
        message: {
          situation: 'checkout p99 above 2 s'.padEnd(messageBytes, '.'),
          ask: 'join the bridge',
        },
      },
      actor: facilitator,
    });
    if (!paged.ok) throw new Error(`a page was refused: ${paged.error}`);
    await live.act({
      action: { type: 'note', by: 'facilitator', text: 'the team hesitated before paging' },
      actor: facilitator,
    });
  }

  const figures: Figure[] = [];
  const callers = [
    ['participant', participantToken],
    ['projector', created.projectorKey],
    ['facilitator', created.facilitatorToken],
  ] as const;
  for (const [who, token] of callers) {
    const caller = callerOf(host, live, token);
    if (!caller) throw new Error(`no caller for the ${who}`);
    const times: number[] = [];
    const wall: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const built = (snapshotFor as (...args: unknown[]) => unknown)(host, live, caller);
      const text =
        typeof built === 'object' &&
        built !== null &&
        'json' in built &&
        typeof built.json === 'string'
          ? built.json
          : JSON.stringify(built);
      const cpu = process.cpuUsage(cpuBefore);
      wall.push(performance.now() - started);
      // CPU time: the build is synchronous, and the figure stays honest on a shared machine.
      times.push((cpu.user + cpu.system) / 1000);
      bytes = Buffer.byteLength(text);
    }
    figures.push(
      {
        name: `${who} snapshot of ${entryCount} entries (${messageBytes} B pages), first build (CPU)`,
        value: round(times[0] ?? NaN),
        unit: 'ms',
      },
      {
        name: `${who} snapshot of ${entryCount} entries (${messageBytes} B pages), median of later builds (CPU)`,
        value: round(percentile(times.slice(1), 50)),
        unit: 'ms',
      },
      {
        name: `${who} snapshot of ${entryCount} entries (${messageBytes} B pages), median wall time`,
        value: round(percentile(wall.slice(1), 50)),
        unit: 'ms',
      },
      {
        name: `${who} snapshot of ${entryCount} entries (${messageBytes} B pages), size`,
        value: round(bytes / 1024 / 1024, 2),
        unit: 'MB',
      },
    );
  }
  await app.close();
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? '.');
  const [entries = '20000', messageBytes = '40'] = process.argv.slice(3);
  for (const figure of await snapshotFigures(Number(entries), root, Number(messageBytes)))
    process.stdout.write(`${figure.name}: ${figure.value} ${figure.unit}\n`);
}
