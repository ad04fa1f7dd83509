/**
 * Seeded randomness. Each inject gets its own stream, derived from the drill's seed and the
 * inject's id, so adding an inject to a scenario never changes the draws of the others.
 */

/** A 32-bit FNV-1a hash of text: a stable seed for one stream. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** mulberry32: small, fast and well distributed for simulation draws. */
export function randomStream(seed: number, name: string): () => number {
  let state = hash(`${seed}:${name}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
