/**
 * For each key, the fact that decides it: the latest (a checklist item, the severity) or the
 * first (an acknowledgement) of its facts in drill order that has not been retracted.
 *
 * Adding a fact compares it with the one in force, so it costs constant time; retracting
 * the fact in force looks again at that key's other facts only.
 */
import type { Ordered } from './drill-order';
import { compareDrillOrder } from './drill-order';

export type Decides = 'latest' | 'first';

export class DrillOrderRegister<T extends Ordered, K extends string | number = string> {
  private readonly candidates = new Map<K, T[]>();
  private readonly inForce = new Map<K, T>();
  private readonly keyOf = new Map<number, K>();

  constructor(private readonly decides: Decides) {}

  /** Records a fact for `key`; true when it is now the one in force. */
  add(key: K, fact: T): boolean {
    const list = this.candidates.get(key);
    if (list) list.push(fact);
    else this.candidates.set(key, [fact]);
    this.keyOf.set(fact.seq, key);
    const current = this.inForce.get(key);
    if (current && !this.beats(fact, current)) return false;
    this.inForce.set(key, fact);
    return true;
  }

  /** Forgets a retracted fact; returns its key when the fact in force for that key changed. */
  retract(seq: number): K | null {
    const key = this.keyOf.get(seq);
    if (key === undefined) return null;
    this.keyOf.delete(seq);
    const remaining = (this.candidates.get(key) ?? []).filter((fact) => fact.seq !== seq);
    this.candidates.set(key, remaining);
    if (this.inForce.get(key)?.seq !== seq) return null;
    let best: T | undefined;
    for (const fact of remaining) if (!best || this.beats(fact, best)) best = fact;
    if (best) this.inForce.set(key, best);
    else this.inForce.delete(key);
    return key;
  }

  /** The fact in force for `key`, if any still counts. */
  current(key: K): T | undefined {
    return this.inForce.get(key);
  }

  private beats(fact: T, other: T): boolean {
    const order = compareDrillOrder(fact, other);
    return this.decides === 'latest' ? order > 0 : order < 0;
  }
}
