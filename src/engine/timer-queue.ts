/**
 * A min-heap of timers by drill time (ties in insertion order). Timers are never removed
 * when they go stale (an inject delayed or fired early); the drill checks each one as it
 * comes due and drops those that no longer apply.
 */
export type Timer =
  | { readonly kind: 'scheduled'; readonly key: string; readonly atMs: number }
  | { readonly kind: 'effect_end'; readonly effect: number; readonly atMs: number }
  | { readonly kind: 'npc_ack'; readonly escalation: number; readonly atMs: number }
  | { readonly kind: 'ack_timeout'; readonly escalation: number; readonly atMs: number }
  | { readonly kind: 'trigger_at'; readonly expectation: string; readonly atMs: number }
  | { readonly kind: 'phase'; readonly phase: string; readonly atMs: number }
  | { readonly kind: 'metric_branch'; readonly inject: string; readonly atMs: number };

interface Slot {
  readonly timer: Timer;
  readonly order: number;
}

export class TimerQueue {
  private readonly heap: Slot[] = [];
  private inserted = 0;

  push(timer: Timer): void {
    this.heap.push({ timer, order: this.inserted++ });
    this.siftUp(this.heap.length - 1);
  }

  peek(): Timer | undefined {
    return this.heap[0]?.timer;
  }

  pop(): Timer | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top?.timer;
  }

  get size(): number {
    return this.heap.length;
  }

  private before(a: number, b: number): boolean {
    const left = this.heap[a];
    const right = this.heap[b];
    if (!left || !right) return false;
    return (
      left.timer.atMs < right.timer.atMs ||
      (left.timer.atMs === right.timer.atMs && left.order < right.order)
    );
  }

  private swap(a: number, b: number): void {
    const left = this.heap[a];
    const right = this.heap[b];
    if (left && right) [this.heap[a], this.heap[b]] = [right, left];
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.heap.length && this.before(left, smallest)) smallest = left;
      if (right < this.heap.length && this.before(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }
}
