/**
 * The effects an inject set going, in the order they began, each with where its end was
 * logged (its `for`, or its `until` coming true). An `effect.ended` ends the first still
 * lasting effect of that inject with the same shape.
 */
import type { EntryOf } from '../log';
import type { EffectView } from './projection-views';

export class EffectBook {
  private readonly list: EffectView[] = [];

  get effects(): readonly EffectView[] {
    return this.list;
  }

  began(entry: EntryOf<'effect.began'>): void {
    const { inject, effect, untilMs } = entry.payload;
    this.list.push({
      seq: entry.seq,
      inject,
      effect,
      fromMs: entry.drillMs,
      untilMs,
      ended: false,
      endedAtMs: null,
    });
  }

  ended(entry: EntryOf<'effect.ended'>): void {
    const shape = JSON.stringify(entry.payload.effect);
    const index = this.list.findIndex(
      (active) =>
        !active.ended &&
        active.inject === entry.payload.inject &&
        JSON.stringify(active.effect) === shape,
    );
    const active = this.list[index];
    if (active) this.list[index] = { ...active, ended: true, endedAtMs: entry.drillMs };
  }
}
