/**
 * Debrief items are log facts: an edit is a new `debrief.recorded` that supersedes the
 * latest version, a delete is a retraction that withdraws the item. Nothing leaves the log;
 * the projection gives the debrief as it stands, the same live, replayed and from entries.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { replay } from '../../../src/engine/drill';
import { checkLog } from '../../../src/engine/fact-schema';
import { currentDebrief } from '../../../src/engine/projection/debrief-book';
import { baseScenario, DrillHarness } from '../../support/drill-harness';

type Step =
  | { readonly add: string; readonly kind?: 'went_well' | 'improve' | 'lesson' | 'action_item' }
  | { readonly edit: number; readonly text: string; readonly owner?: string; readonly due?: string }
  | { readonly remove: number };

/** An ended drill (seq 1 created, 2 started, 3 ended), then the steps, each as one action. */
function debriefAfter(steps: readonly Step[]): DrillHarness {
  const harness = DrillHarness.started(baseScenario).advanceTo('2m');
  harness.expectOk({ type: 'end' });
  for (const step of steps) harness.expectOk(actionFor(step));
  return harness;
}

function actionFor(step: Step): Action {
  if ('add' in step) return { type: 'debrief', kind: step.kind ?? 'went_well', text: step.add };
  if ('edit' in step)
    return {
      type: 'debrief',
      kind: 'action_item',
      text: step.text,
      supersedes: step.edit,
      ...(step.owner ? { owner: step.owner } : {}),
      ...(step.due ? { due: step.due } : {}),
    };
  return { type: 'retract', seq: step.remove, reason: 'deleted from the debrief' };
}

const texts = (harness: DrillHarness) => harness.drill.state().debrief.map((item) => item.text);

describe('when the facilitator edits and deletes debrief items', () => {
  const base = debriefAfter([]).drill.log.length;
  const seqOf = (index: number) => base + 1 + index;
  const cases: { name: string; steps: Step[]; debrief: string[]; earlier?: number[] }[] = [
    { name: 'adds items in order', steps: [{ add: 'a' }, { add: 'b' }], debrief: ['a', 'b'] },
    {
      name: 'an edit takes the place of the item it supersedes',
      steps: [{ add: 'a' }, { add: 'b' }, { edit: seqOf(0), text: 'a2' }],
      debrief: ['a2', 'b'],
      earlier: [seqOf(0)],
    },
    {
      name: 'an edit of an edit keeps every earlier version',
      steps: [{ add: 'a' }, { edit: seqOf(0), text: 'a2' }, { edit: seqOf(1), text: 'a3' }],
      debrief: ['a3'],
      earlier: [seqOf(0), seqOf(1)],
    },
    {
      name: 'a delete withdraws the item',
      steps: [{ add: 'a' }, { add: 'b' }, { remove: seqOf(0) }],
      debrief: ['b'],
    },
    {
      name: 'a delete of an edited item withdraws it whole',
      steps: [{ add: 'a' }, { edit: seqOf(0), text: 'a2' }, { remove: seqOf(1) }],
      debrief: [],
    },
  ];
  it.each(cases)('$name', ({ steps, debrief, earlier }) => {
    const harness = debriefAfter(steps);
    expect(texts(harness)).toEqual(debrief);
    if (earlier) expect(harness.drill.state().debrief[0]?.earlier).toEqual(earlier);
    // Nothing is lost: every version stays in the log.
    expect(harness.entries('debrief.recorded')).toHaveLength(
      steps.filter((step) => !('remove' in step)).length,
    );
    // The same debrief replayed, and read from the entries alone (a screen, an export).
    const replayed = replay(harness.scenario, harness.drill.log);
    expect(replayed.state().debrief).toEqual(harness.drill.state().debrief);
    expect(currentDebrief(harness.drill.log)).toEqual(harness.drill.state().debrief);
  });

  it('carries the owner and due date an edit gives an action item', () => {
    const harness = debriefAfter([
      { add: 'Write the failover runbook', kind: 'action_item' },
      { edit: seqOf(0), text: 'Write the failover runbook', owner: 'Sam', due: '2026-12-15' },
    ]);
    expect(harness.drill.state().debrief).toMatchObject([
      { kind: 'action_item', owner: 'Sam', due: '2026-12-15', seq: seqOf(1), firstSeq: seqOf(0) },
    ]);
  });

  const refusals: {
    name: string;
    steps: Step[];
    edit: (first: number) => number;
    status: number;
  }[] = [
    { name: 'an edit of no debrief item', steps: [{ add: 'a' }], edit: () => 1, status: 400 },
    {
      name: 'an edit of an earlier version',
      steps: [{ add: 'a' }, { edit: seqOf(0), text: 'a2' }],
      edit: (first) => first,
      status: 409,
    },
    {
      name: 'an edit of a deleted item',
      steps: [{ add: 'a' }, { remove: seqOf(0) }],
      edit: (first) => first,
      status: 409,
    },
  ];
  it.each(refusals)('refuses $name and records nothing', ({ steps, edit, status }) => {
    const harness = debriefAfter(steps);
    const length = harness.drill.log.length;
    const outcome = harness.act({
      type: 'debrief',
      kind: 'lesson',
      text: 'x',
      supersedes: edit(seqOf(0)),
    });
    expect(outcome).toMatchObject({ ok: false, status });
    expect(harness.drill.log).toHaveLength(length);
  });

  it('refuses deleting an item twice with 409', () => {
    const harness = debriefAfter([{ add: 'a' }, { remove: seqOf(0) }]);
    expect(harness.act(actionFor({ remove: seqOf(0) }))).toMatchObject({ ok: false, status: 409 });
  });
});

describe('when a log with debrief edits is imported', () => {
  it('checks an edit names its earlier version with a positive seq', () => {
    const harness = debriefAfter([{ add: 'a' }]);
    const log = harness.drill.log.map((entry) =>
      entry.type === 'debrief.recorded'
        ? { ...entry, payload: { ...entry.payload, supersedes: 'three' } }
        : entry,
    );
    const checked = checkLog(JSON.parse(JSON.stringify(log)));
    expect(checked.ok).toBe(false);
  });

  it('accepts a log written before edits existed (no supersedes)', () => {
    const harness = debriefAfter([{ add: 'a' }]);
    expect(checkLog(JSON.parse(JSON.stringify(harness.drill.log))).ok).toBe(true);
  });
});
