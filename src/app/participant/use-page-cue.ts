/**
 * A pager's cue for a new page: a vibration where the browser has one (not iOS), and a short
 * two-tone beep once a tap has unlocked audio (browsers refuse sound before a user gesture).
 * Neither ever throws: a phone without them still shows the page.
 */
import { useEffect, useRef } from 'react';

type AudioContextClass = new () => AudioContext;

let audio: AudioContext | null = null;

function audioContextClass(): AudioContextClass | null {
  const scope = globalThis as unknown as {
    AudioContext?: AudioContextClass;
    webkitAudioContext?: AudioContextClass;
  };
  return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

/** Called from a user gesture: creates (or resumes) the audio context the cue plays on. */
export function unlockAudio(): void {
  try {
    const Context = audioContextClass();
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

/** The cue itself; safe to call anywhere. */
export function playPageCue(): void {
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    // some browsers throw when vibration is blocked: the page is on screen anyway
  }
  try {
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 660],
    ] as const) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.25, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.15);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.16);
    }
  } catch {
    // no audio: the visual pager is enough
  }
}

/** Unlocks audio at the first tap anywhere on the page. */
export function useAudioUnlock(): void {
  useEffect(() => {
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);
}

/**
 * Cues when a page newer than any seen before opens (by its number). What is open when the
 * drill first loads (`loaded`) is shown, not rung.
 */
export function usePageCue(newestOpenSeq: number | null, loaded: boolean): void {
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const newest = newestOpenSeq ?? 0;
    if (seen.current !== null && newest > seen.current) playPageCue();
    seen.current = Math.max(seen.current ?? 0, newest);
  }, [newestOpenSeq, loaded]);
}
