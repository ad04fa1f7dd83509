import { describe, expect, it } from 'vitest';
import { PerDrillQueue } from '../../../src/server/store/per-drill-queue';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the per-drill commit queue', () => {
  it('runs a commit at once, in the same turn, when its drill is idle', () => {
    const queue = new PerDrillQueue();
    let ran = false;
    void queue.run('a', () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('starts a commit only after the one before it for the same drill has settled', async () => {
    const queue = new PerDrillQueue();
    const events: string[] = [];
    const first = queue.run('a', async () => {
      events.push('first started');
      await later(20);
      events.push('first done');
    });
    const second = queue.run('a', () => {
      events.push('second started');
    });
    await Promise.all([first, second]);
    expect(events).toEqual(['first started', 'first done', 'second started']);
  });

  it('never makes one drill wait for another', async () => {
    const queue = new PerDrillQueue();
    const events: string[] = [];
    const slow = queue.run('a', async () => {
      await later(30);
      events.push('a');
    });
    await queue.run('b', () => events.push('b'));
    await slow;
    expect(events).toEqual(['b', 'a']);
  });

  it('goes on with the next commit after one fails', async () => {
    const queue = new PerDrillQueue();
    const failing = queue.run('a', async () => {
      await later(5);
      throw new Error('disk full');
    });
    const next = queue.run('a', () => 'stored');
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('stored');
  });
});
