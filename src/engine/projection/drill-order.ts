/**
 * The one ordering rule for facts that can be backdated: drill time, then log order for
 * ties. A backdated action carries a drill time earlier than entries logged before it, so
 * log order is not drill order. The projection, the scorer and the reports all use this.
 */
export interface Ordered {
  readonly seq: number;
  readonly drillMs: number;
}

/** Negative when `a` comes first in drill order. */
export function compareDrillOrder(a: Ordered, b: Ordered): number {
  return a.drillMs - b.drillMs || a.seq - b.seq;
}

/** A sorted copy: by drill time, ties kept in log order. */
export function inDrillOrder<T extends Ordered>(entries: readonly T[]): T[] {
  return [...entries].sort(compareDrillOrder);
}
