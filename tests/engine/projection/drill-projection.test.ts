/**
 * The projection: what a log means for the people in the room, rule by rule. Facts that can
 * be backdated are decided in drill order (drill time, then log order), among the facts not
 * retracted, however the entries arrive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrillProjection, projectLog } from '../../../src/engine/projection/drill-projection';
import type { LogEntry } from '../../../src/engine/log';
import { buildLog } from '../../support/log-builder';
import type { LogBuilder } from '../../support/log-builder';

const scenario = {
  roles: [
    { id: 'oncall', name: 'On-call' },
    { id: 'ic', name: 'Incident commander' },
  ],
  checklists: [{ id: 'triage', items: ['Check dashboards', 'Open channel'] }],
};
const project = (write: (log: LogBuilder) => void) =>
  projectLog(scenario, buildLog(write), { feed: true });

describe('checklist items', () => {
  it.each<[string, (log: LogBuilder) => void, readonly boolean[]]>([
    ['a check ticks the item', (log) => log.check('1m', 'triage', 0), [true, false]],
    [
      'the latest change in drill time decides, not the latest logged',
      (log) => {
        log.check('5m', 'triage', 0);
        log.uncheck('3m', 'triage', 0);
      },
      [true, false],
    ],
    [
      'facts at the same drill time are decided in log order',
      (log) => {
        log.check('2m', 'triage', 1);
        log.uncheck('2m', 'triage', 1);
      },
      [false, false],
    ],
    [
      'a retracted change falls back to the one before it in drill order',
      (log) => {
        log.check('1m', 'triage', 0);
        const later = log.uncheck('4m', 'triage', 0);
        log.retract('5m', later);
      },
      [true, false],
    ],
    [
      'retracting a change that did not decide the item changes nothing',
      (log) => {
        const earlier = log.uncheck('1m', 'triage', 0);
        log.check('4m', 'triage', 0);
        log.retract('5m', earlier);
      },
      [true, false],
    ],
    [
      'an item whose every change is retracted is unchecked',
      (log) => log.retract('2m', log.check('1m', 'triage', 0)),
      [false, false],
    ],
  ])('%s', (_, write, expected) => {
    expect(project(write).checklists.get('triage')).toEqual(expected);
  });

  it('ignores items a checklist does not have', () => {
    expect(project((log) => log.check('1m', 'triage', 7)).checklists.get('triage')).toEqual([
      false,
      false,
    ]);
  });
});

describe('pages and acknowledgements', () => {
  it('answers a page with its first acknowledgement in drill order', () => {
    const projection = project((log) => {
      const page = log.escalate('1m', { from: 'oncall', to: 'ic' });
      log.ack('4m', 'ic', page);
      log.ack('2m', 'ic', page);
    });
    expect(projection.pages[0]).toMatchObject({ ackSeq: 3, ackedAtMs: 120_000 });
  });

  it('reopens a page whose only acknowledgement is retracted', () => {
    const projection = project((log) => {
      const page = log.escalate('1m', { from: 'oncall', to: 'ic' });
      log.retract('3m', log.ack('2m', 'ic', page));
    });
    expect(projection.pages[0]).toMatchObject({ ackSeq: null, ackedAtMs: null, retracted: false });
  });

  it('marks a retracted page, in the pages and in the feed', () => {
    const projection = project((log) => log.retract('2m', log.escalate('1m', { to: 'ic' })));
    expect(projection.pages[0]).toMatchObject({ retracted: true });
    expect(projection.view().feed.find((item) => item.seq === 1)).toMatchObject({
      retracted: true,
      title: 'On-call → Incident commander (page)',
    });
  });
});

describe('severity', () => {
  it('is the latest declaration in drill time that still counts', () => {
    const projection = project((log) => {
      log.fact('severity.declared', '5m', { severity: 'SEV1', by: 'ic' });
      log.fact('severity.declared', '3m', { severity: 'SEV3', by: 'ic' });
    });
    expect(projection.severity).toBe('SEV1');
  });

  it('falls back to a severity effect once a later declaration is retracted', () => {
    const projection = project((log) => {
      log.fact('effect.began', '1m', {
        inject: 'alarm',
        effect: { type: 'severity', severity: 'SEV2' },
        untilMs: null,
      });
      log.retract('3m', log.fact('severity.declared', '2m', { severity: 'SEV1', by: 'ic' }));
    });
    expect(projection.severity).toBe('SEV2');
  });
});

describe('phase and clock', () => {
  it('anchors the clock at each start, pause, resume and speed change', () => {
    const projection = project((log) => {
      log.started('0s');
      log.fact('drill.speed_changed', '1m', { factor: 4 });
      log.fact('drill.paused', '3m', { reason: 'facilitator' });
    });
    expect(projection.phase).toBe('paused');
    expect(projection.clock).toEqual({
      running: false,
      speed: 4,
      anchorDrillMs: 180_000,
      anchorWallMs: 180_000,
    });
  });

  it('starts from the speed it is given, since screens never see drill.created', () => {
    expect(new DrillProjection(scenario, { speed: 2 }).clock.speed).toBe(2);
  });
});

describe('effects, handoffs and injects', () => {
  it('ends the effect an effect.ended names, and keeps its place', () => {
    const effect = {
      type: 'unavailable',
      role: 'ic',
      channels: null,
      forMs: 60_000,
      until: null,
    } as const;
    const projection = project((log) => {
      log.fact('effect.began', '1m', { inject: 'pager', effect, untilMs: 120_000 });
      log.fact('effect.ended', '2m', { inject: 'pager', effect });
    });
    expect(projection.effects).toEqual([
      {
        seq: 1,
        inject: 'pager',
        effect,
        fromMs: 60_000,
        untilMs: 120_000,
        ended: true,
        endedAtMs: 120_000,
      },
    ]);
  });

  it('knows who holds a role after a handoff, until it is retracted', () => {
    const handedOver = project((log) => log.handoff('5m', { from: 'oncall', to: 'ic' }));
    expect(handedOver.view().heldBy.get('oncall')).toBe('ic');
    const retracted = project((log) =>
      log.retract('6m', log.handoff('5m', { from: 'oncall', to: 'ic' })),
    );
    expect(retracted.view().heldBy.has('oncall')).toBe(false);
  });

  it('follows each inject: fired, skipped, delayed', () => {
    const projection = project((log) => {
      log.fact('inject.delayed', '1m', { inject: 'alarm', byMs: 120_000 });
      log.fired('alarm', '7m');
      log.fact('inject.skipped', '2m', { inject: 'vp', reason: 'facilitator' });
    });
    expect(projection.inject('alarm')).toEqual({
      firedAtMs: 420_000,
      cause: 'schedule',
      skipped: false,
      delayedByMs: 120_000,
    });
    expect(projection.inject('vp').skipped).toBe(true);
  });
});

describe('whatever the order of arrival', () => {
  const change = fc.record({
    atS: fc.integer({ min: 0, max: 600 }),
    item: fc.integer({ min: 0, max: 1 }),
    checked: fc.boolean(),
    retractLater: fc.boolean(),
  });

  it('decides each item as the last change in drill order that is not retracted', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (changes, frames) => {
          const log = buildLog((builder) => {
            for (const { atS, item, checked, retractLater } of changes) {
              const seq = checked
                ? builder.check(`${atS}s`, 'triage', item)
                : builder.uncheck(`${atS}s`, 'triage', item);
              if (retractLater) builder.retract('700s', seq);
            }
          });
          // Applied in several frames, as a screen receives them.
          const projection = new DrillProjection(scenario);
          const size = Math.ceil(log.length / frames);
          for (let start = 0; start < log.length; start += size)
            for (const entry of log.slice(start, start + size)) projection.apply(entry);
          expect(projection.checklists.get('triage')).toEqual(naiveItems(log));
        },
      ),
    );
  });
});

/** The rule written the slow, obvious way: sort, drop what was retracted, last one wins. */
function naiveItems(log: readonly LogEntry[]): boolean[] {
  const retracted = new Set(
    log.flatMap((entry) => (entry.type === 'fact.retracted' ? [entry.payload.seq] : [])),
  );
  const items = [false, false];
  const counted = log
    .filter((entry) => !retracted.has(entry.seq))
    .sort((a, b) => a.drillMs - b.drillMs || a.seq - b.seq);
  for (const entry of counted)
    if (entry.type === 'checklist.checked' || entry.type === 'checklist.unchecked')
      items[entry.payload.item] = entry.type === 'checklist.checked';
  return items;
}
