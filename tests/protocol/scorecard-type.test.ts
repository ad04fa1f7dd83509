/**
 * The scorecard has one type, the engine's: the protocol re-exports it, its schema is typed
 * against it, and the app's screens take it. These are compile-time checks (`tsc` reads
 * tests/): a field the engine renames fails the typecheck wherever the app reads it.
 */
import type { ComponentProps } from 'react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import type { ScorecardCharts } from '../../src/app/review/scorecard-charts';
import type { Scorecard as EngineScorecard } from '../../src/engine/score/scorecard';
import type { Scorecard } from '../../src/protocol/scorecard';
import type { scorecardReply } from '../../src/protocol/scorecard';

describe('the scorecard type the app reads', () => {
  it('is the engine’s own, in the protocol, its schema and the charts', () => {
    expectTypeOf<Scorecard>().toEqualTypeOf<EngineScorecard>();
    expectTypeOf<z.output<typeof scorecardReply>>().toEqualTypeOf<EngineScorecard>();
    expectTypeOf<ComponentProps<typeof ScorecardCharts>['card']>().toEqualTypeOf<EngineScorecard>();
  });

  it('refuses to compile a read of a field the engine does not write', () => {
    const readRenamed = (card: Scorecard) =>
      // @ts-expect-error `durationS` is not a scorecard field (the engine writes `duration_s`)
      card.durationS as unknown;
    const readDimension = (card: Scorecard, name: string) =>
      // @ts-expect-error dimensions are looked up by the engine's DimensionName, not any string
      card.dimensions[name] as unknown;
    expect([readRenamed, readDimension]).toHaveLength(2);
  });

  it('refuses to compile a schema whose field the engine renamed', () => {
    // @ts-expect-error the schema says `durationS`; the engine's Scorecard says `duration_s`
    const renamed: z.ZodMiniType<Pick<Scorecard, 'duration_s'>> = z.object({
      durationS: z.number(),
    });
    expect(renamed.safeParse({ duration_s: 60 }).success).toBe(false);
  });
});
