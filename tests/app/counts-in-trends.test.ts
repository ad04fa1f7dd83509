/**
 * scoring.md version 2, "History": an aborted drill, and one with `overall: null`, take no
 * part in trends; they stay listed, and History says why they are not plotted.
 */
import { describe, expect, it } from 'vitest';
import { countsInTrends, whyNotInTrends } from '../../src/app/review/counts-in-trends';
import type { DrillSummary } from '../../src/protocol/drill-summary';

const finished: DrillSummary = {
  id: 'd1',
  scenario: 'db-failover-sev2',
  team: 'Blue',
  status: 'ended',
  createdWallMs: 1_000,
  endedWallMs: 2_000,
  excluded: false,
  overall: 80,
  timeToFirstEscalationS: null,
  medianTimeToEscalateS: null,
  dimensions: { timeliness: 80, communication: null, acknowledgement: null, checklists: null },
  expectations: [],
};

const cases: { drill: string; summary: DrillSummary; counts: boolean; why: string | null }[] = [
  { drill: 'an ended drill with a score', summary: finished, counts: true, why: null },
  {
    drill: 'an aborted drill',
    summary: { ...finished, status: 'aborted' },
    counts: false,
    why: 'not in trends',
  },
  {
    drill: 'an ended drill with nothing to score',
    summary: { ...finished, overall: null },
    counts: false,
    why: 'nothing to score: not in trends',
  },
  {
    drill: 'a drill kept out by the facilitator',
    summary: { ...finished, excluded: true },
    counts: false,
    why: 'kept out of trends',
  },
  {
    drill: 'a drill still running',
    summary: { ...finished, status: 'running', endedWallMs: null },
    counts: false,
    why: null,
  },
  {
    drill: 'a damaged drill (its row says so itself)',
    summary: { ...finished, damaged: 'log entry 3 is not valid JSON' },
    counts: false,
    why: null,
  },
];

describe('which drills count in trends', () => {
  it.each(cases)('$drill', ({ summary, counts, why }) => {
    expect(countsInTrends(summary)).toBe(counts);
    expect(whyNotInTrends(summary)).toBe(why);
  });
});
