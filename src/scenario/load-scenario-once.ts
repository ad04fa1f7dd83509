/**
 * `loadScenarioText` remembered for the few scenario texts loaded last. An import carries
 * its scenario's snapshot, and the same scenario is imported again and again (each drill of
 * a team's exercise); loading 27 KB of YAML with positions takes 30–70 ms when warm and
 * over 150 ms cold, all of it on the server's event loop. A result is frozen (the `Scenario`
 * and its problems are never changed by a reader), so one result can be handed out twice.
 */
import type { LoadResult } from './load-scenario';
import type { Steps } from '../engine/steps';
import { runToEnd } from '../engine/steps';
import { loadScenarioTextSteps } from './load-scenario';

/** Distinct (text, file name) pairs remembered: a handful of scenarios per exercise. */
export const rememberedScenarioTexts = 8;

/** Keyed by the file name and the whole text (the map hashes it; equal keys compare in full). */
const remembered = new Map<string, LoadResult>();

export function loadScenarioTextOnce(text: string, file: string): LoadResult {
  return runToEnd(loadScenarioTextOnceSteps(text, file));
}

/** `loadScenarioTextOnce`, yielding while it loads a text it does not remember (steps.ts). */
export function* loadScenarioTextOnceSteps(text: string, file: string): Steps<LoadResult> {
  const key = `${file}\u0000${text}`;
  const known = remembered.get(key);
  if (known) {
    remembered.delete(key); // to the newest end: least recently used goes first
    remembered.set(key, known);
    return known;
  }
  const loaded = yield* loadScenarioTextSteps(text, file);
  remembered.set(key, loaded);
  if (remembered.size > rememberedScenarioTexts) {
    const oldest = remembered.keys().next();
    if (!oldest.done) remembered.delete(oldest.value);
  }
  return loaded;
}
