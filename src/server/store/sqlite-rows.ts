/** How drills, entries and participants are laid out in SQLite rows, and back. */
import type { Phase } from '../../engine/drill-state';
import type { EntryMeta, LogEntry } from '../../engine/log';
import type { DrillSummary } from '../../protocol/drill-summary';
import { drillSummary } from '../../protocol/drill-summary';
import type {
  RawEntryRow,
  RawParticipantRow,
  StoredDrill,
  StoredParticipant,
} from './drill-repository';
import { DamagedDrillError } from './drill-repository';

export interface DrillRow {
  id: string;
  scenario_id: string;
  scenario_file: string;
  scenario_source: string;
  team: string;
  seed: number;
  created_wall_ms: number;
  status: string;
  facilitator_token_hash: string;
  projector_key_hash: string;
  join_code: string | null;
  excluded: number;
  checkpoint_wall_ms: number | null;
}

export interface EntryRow {
  seq: number;
  drill_ms: number;
  wall_ms: number;
  type: string;
  payload: string;
  meta: string | null;
}

export interface ParticipantRow {
  token_hash: string;
  drill_id: string;
  name: string;
  roles: string;
  joined_wall_ms: number;
}

export function toDrillRow(drill: StoredDrill): DrillRow {
  return {
    id: drill.id,
    scenario_id: drill.scenarioId,
    scenario_file: drill.scenarioFile,
    scenario_source: drill.scenarioSource,
    team: drill.team,
    seed: drill.seed,
    created_wall_ms: drill.createdWallMs,
    status: drill.status,
    facilitator_token_hash: drill.facilitatorTokenHash,
    projector_key_hash: drill.projectorKeyHash,
    join_code: drill.joinCode,
    excluded: drill.excluded ? 1 : 0,
    checkpoint_wall_ms: drill.checkpointWallMs,
  };
}

export function fromDrillRow(row: DrillRow): StoredDrill {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioFile: row.scenario_file,
    scenarioSource: row.scenario_source,
    team: row.team,
    seed: row.seed,
    createdWallMs: row.created_wall_ms,
    status: row.status as Phase,
    facilitatorTokenHash: row.facilitator_token_hash,
    projectorKeyHash: row.projector_key_hash,
    joinCode: row.join_code,
    excluded: row.excluded === 1,
    checkpointWallMs: row.checkpoint_wall_ms,
  };
}

/** The insert's parameters, in the column order of `log_entries` after `drill_id`. */
export function toEntryValues(entry: LogEntry): (string | number | null)[] {
  return [
    entry.seq,
    entry.drillMs,
    entry.wallMs,
    entry.type,
    JSON.stringify(entry.payload),
    entry.meta ? JSON.stringify(entry.meta) : null,
  ];
}

/** A stored entry; JSON that does not parse makes its drill damaged (the fact schema is the host's). */
export function fromEntryRow(drillId: string, row: EntryRow): LogEntry {
  const where = `log entry ${row.seq} (${row.type})`;
  const payload: unknown = parseColumn(drillId, row.payload, `${where}: its payload`);
  const meta =
    row.meta === null
      ? undefined
      : (parseColumn(drillId, row.meta, `${where}: its meta`) as EntryMeta);
  return {
    seq: row.seq,
    drillMs: row.drill_ms,
    wallMs: row.wall_ms,
    type: row.type,
    payload,
    ...(meta ? { meta } : {}),
  } as LogEntry;
}

export function fromParticipantRow(row: ParticipantRow): StoredParticipant {
  const roles = parseColumn(row.drill_id, row.roles, `participant ${row.name}: the roles column`);
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string'))
    throw new DamagedDrillError(
      row.drill_id,
      `participant ${row.name}: the roles column is not a list of role ids`,
    );
  return {
    tokenHash: row.token_hash,
    drillId: row.drill_id,
    name: row.name,
    roles,
    joinedWallMs: row.joined_wall_ms,
  };
}

export const toRawEntry = (row: EntryRow): RawEntryRow => ({
  seq: row.seq,
  drillMs: row.drill_ms,
  wallMs: row.wall_ms,
  type: row.type,
  payload: row.payload,
  meta: row.meta,
});

export const toRawParticipant = (row: ParticipantRow): RawParticipantRow => ({
  name: row.name,
  roles: row.roles,
  joinedWallMs: row.joined_wall_ms,
});

function parseColumn(drillId: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedDrillError(drillId, `${what} is not valid JSON`);
  }
}

/** A stored summary, or null when it does not parse or check: history rebuilds it from the log. */
export function readSummary(text: string): DrillSummary | null {
  try {
    const checked = drillSummary.safeParse(JSON.parse(text));
    return checked.success ? checked.data : null;
  } catch {
    return null;
  }
}
