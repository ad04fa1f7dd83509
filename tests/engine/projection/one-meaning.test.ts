/**
 * One meaning of the log: the engine, a phone (the app's store folding what it may see) and
 * the scorer answer the same about every checklist item, however checks are backdated or
 * retracted. These are the two disagreements that wave 1 shipped with.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { createDrillStore } from '../../../src/app/drill/drill-store';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import { publicScenario } from '../../../src/server/visibility';
import { baseScenario, DrillHarness, ms } from '../../support/drill-harness';

type Step = { readonly at: string; readonly action: Action; readonly backdateTo?: string };
const check = (item: number): Action => ({
  type: 'check',
  checklist: 'triage',
  item,
  by: 'oncall',
});
const uncheck = (item: number): Action => ({
  type: 'uncheck',
  checklist: 'triage',
  item,
  by: 'oncall',
});

/** Plays the steps; `retract: n` retracts the fact the n-th step (from 0) recorded. */
function play(steps: readonly (Step | { readonly at: string; readonly retract: number })[]) {
  const harness = DrillHarness.started(baseScenario);
  const seqs: number[] = [];
  for (const step of steps) {
    harness.advanceTo(step.at);
    const outcome =
      'retract' in step
        ? harness.expectOk({ type: 'retract', seq: seqs[step.retract] ?? 0, reason: 'test' })
        : harness.expectOk(
            step.action,
            step.backdateTo === undefined ? {} : { atMs: ms(step.backdateTo) },
          );
    seqs.push(outcome.seq);
  }
  return harness;
}

/** What a phone shows for the checklist: the app's store fed the participant's snapshot. */
function phoneSees(harness: DrillHarness): readonly boolean[] | undefined {
  const store = createDrillStore();
  const scenario = publicScenario(harness.scenario, { audience: 'participant', roles: ['oncall'] });
  const snapshot: DrillSnapshot = {
    drill: { id: 'd', team: '', status: 'running', speed: 1, joinCode: null, joinUrl: null },
    audience: 'participant',
    scenario,
    fullScenario: null,
    entries: [...harness.drill.log],
    seq: harness.drill.log.length,
    serverWallMs: harness.wallMs,
    participants: [],
    you: { name: 'Ana', roles: ['oncall'] },
  };
  store.getState().receiveSnapshot(snapshot, harness.wallMs);
  return store.getState().view?.checklists.get('triage');
}

function scorerCounts(harness: DrillHarness): number | null {
  return scoreDrill(harness.scenario, harness.drill.log).dimensions.checklists;
}

describe('when a check is followed by an uncheck backdated before it', () => {
  let harness: DrillHarness;
  beforeAll(() => {
    harness = play([
      { at: '5m', action: check(0) },
      { at: '6m', action: uncheck(0), backdateTo: '3m' },
    ]);
  });

  it('keeps the item checked in the engine: the check came later in drill time', () => {
    expect(harness.drill.state().checklists.get('triage')).toEqual([true, false]);
  });
  it('shows it checked on the phone', () => {
    expect(phoneSees(harness)).toEqual([true, false]);
  });
  it('counts it checked in the scorecard', () => {
    expect(scorerCounts(harness)).toBe(50);
  });
});

describe('when the later of two checks around a backdated uncheck is retracted', () => {
  let harness: DrillHarness;
  beforeAll(() => {
    harness = play([
      { at: '5m', action: check(0) },
      { at: '6m', action: uncheck(0), backdateTo: '4m' },
      { at: '7m', action: uncheck(0) },
      { at: '8m', action: check(0) },
      { at: '9m', retract: 3 },
    ]);
  });

  it('falls back to the uncheck at 7m in the engine', () => {
    expect(harness.drill.state().checklists.get('triage')).toEqual([false, false]);
  });
  it('falls back to the same on the phone', () => {
    expect(phoneSees(harness)).toEqual([false, false]);
  });
  it('counts nothing checked in the scorecard', () => {
    expect(scorerCounts(harness)).toBe(0);
  });
});
