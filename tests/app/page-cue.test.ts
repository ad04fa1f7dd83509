// @vitest-environment happy-dom
/** The new-page cue: vibration and a beep where the browser allows, never an exception. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { playPageCue, unlockAudio } from '../../src/app/participant/use-page-cue';

afterEach(() => vi.unstubAllGlobals());

describe('when the browser has neither vibration nor audio', () => {
  it('does nothing and throws nothing', () => {
    vi.stubGlobal('AudioContext', undefined);
    vi.stubGlobal('navigator', {});
    expect(() => {
      unlockAudio();
      playPageCue();
    }).not.toThrow();
  });
});

describe('when vibration is blocked and throws', () => {
  it('still throws nothing', () => {
    vi.stubGlobal('navigator', {
      vibrate: () => {
        throw new Error('blocked');
      },
    });
    expect(() => playPageCue()).not.toThrow();
  });
});

describe('when a tap has unlocked audio', () => {
  it('plays two short tones', () => {
    const started: number[] = [];
    class FakeAudioContext {
      state = 'running';
      currentTime = 0;
      destination = {};
      createOscillator() {
        return {
          frequency: { value: 0 },
          connect: (node: unknown) => node,
          start: (at: number) => started.push(at),
          stop: () => undefined,
        };
      }
      createGain() {
        return {
          gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
          connect: (node: unknown) => node,
        };
      }
      resume() {
        return Promise.resolve();
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    unlockAudio();
    playPageCue();
    expect(started).toHaveLength(2);
  });
});
