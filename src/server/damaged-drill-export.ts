/**
 * What `GET /api/drills/:id/export` gives for a damaged drill: every stored row as it is, its
 * JSON left as text, with the reason, so nothing is lost when it cannot be read as a drill.
 * Token hashes stay behind (they open nothing elsewhere and are no one's business).
 * `firedrill report` and the import do not read it: it is for a person repairing the rows.
 */
import { exerciseNotice } from '../engine/drill-export';
import type { RawDrillRows, RawEntryRow, RawParticipantRow } from './store/drill-repository';

export const damagedExportFormat = 'firedrill.damaged-drill-rows';

export interface DamagedDrillExport {
  readonly format: typeof damagedExportFormat;
  readonly version: 1;
  readonly exercise: true;
  readonly notice: string;
  /** Why the drill cannot be read: fix that row (or the scenario) and import the drill again. */
  readonly damaged: string;
  readonly drill: {
    readonly id: string;
    readonly team: string;
    readonly seed: number;
    readonly status: string;
    readonly createdWallMs: number;
    readonly excluded: boolean;
  };
  readonly scenario: { readonly id: string; readonly file: string; readonly source: string };
  readonly log: readonly RawEntryRow[];
  readonly participants: readonly RawParticipantRow[];
}

export function buildDamagedExport(rows: RawDrillRows, reason: string): DamagedDrillExport {
  const { drill } = rows;
  return {
    format: damagedExportFormat,
    version: 1,
    exercise: true,
    notice: exerciseNotice,
    damaged: reason,
    drill: {
      id: drill.id,
      team: drill.team,
      seed: drill.seed,
      status: drill.status,
      createdWallMs: drill.createdWallMs,
      excluded: drill.excluded,
    },
    scenario: { id: drill.scenarioId, file: drill.scenarioFile, source: drill.scenarioSource },
    log: rows.entries,
    participants: rows.participants,
  };
}
