/** Drills and entries for the repository contract tests, and the implementations under test. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry } from '../../../src/engine/log';
import type { DrillSummary } from '../../../src/protocol/drill-summary';
import type { DrillRepository, StoredDrill } from '../../../src/server/store/drill-repository';
import { MemoryDrillRepository } from '../../../src/server/store/memory-drill-repository';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';

export interface RepositoryUnderTest {
  readonly name: string;
  open(): DrillRepository;
}

/** A few milliseconds, different for each commit, as a networked database would take. */
export const jitter = () =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.floor(Math.random() * 4)));

export const implementations: readonly RepositoryUnderTest[] = [
  {
    name: 'SQLite on disk',
    open: () => SqliteDrillRepository.open(mkdtempSync(join(tmpdir(), 'firedrill-repository-'))),
  },
  { name: 'in memory', open: () => new MemoryDrillRepository() },
  {
    name: 'in memory, each commit yielding for a random moment',
    open: () => new MemoryDrillRepository({ commitDelay: jitter }),
  },
];

export function storedDrill(id: string, overrides: Partial<StoredDrill> = {}): StoredDrill {
  return {
    id,
    scenarioId: 'db-failover-sev2',
    scenarioFile: 'db-failover-sev2.yaml',
    scenarioSource: 'version: 1\n',
    team: 'Blue',
    seed: 3,
    createdWallMs: 1_000,
    status: 'briefing',
    facilitatorTokenHash: `facilitator-${id}`,
    projectorKeyHash: `projector-${id}`,
    joinCode: null,
    excluded: false,
    checkpointWallMs: null,
    ...overrides,
  };
}

/** A note at this sequence number: any fact will do for storage. */
export function note(seq: number, text = `note ${seq}`): LogEntry {
  return {
    seq,
    drillMs: seq * 1_000,
    wallMs: 1_000 + seq * 1_000,
    type: 'note.recorded',
    payload: { by: 'facilitator', text },
    meta: { actor: 'facilitator', clientId: `f:${seq}` },
  };
}

export function summaryOf(drill: StoredDrill, overall: number | null): DrillSummary {
  return {
    id: drill.id,
    scenario: drill.scenarioId,
    team: drill.team,
    status: 'ended',
    createdWallMs: drill.createdWallMs,
    endedWallMs: drill.createdWallMs + 60_000,
    excluded: false,
    overall,
    timeToFirstEscalationS: 42,
    medianTimeToEscalateS: null,
    dimensions: {
      timeliness: overall,
      communication: null,
      acknowledgement: null,
      checklists: null,
    },
    expectations: [{ id: 'page-ic', verdict: 'on_time', latencyS: 42 }],
  };
}

/** The repository, with every `readLog` call noted (to show which logs were read, or not). */
export function notingReads(inner: DrillRepository): {
  repository: DrillRepository;
  reads: string[];
} {
  const reads: string[] = [];
  const repository = new Proxy(inner, {
    get(target, property) {
      if (property === 'readLog')
        return (id: string) => {
          reads.push(id);
          return target.readLog(id);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { repository, reads };
}
