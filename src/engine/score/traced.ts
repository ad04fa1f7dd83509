/** A figure together with the log entries that made it. */
export interface Traced<T> {
  readonly value: T;
  readonly seqs: readonly number[];
}

/** Sequence numbers merged, without duplicates or gaps (`null`), ascending. */
export function seqList(...seqs: readonly (number | null | undefined)[]): number[] {
  const present = seqs.filter((seq): seq is number => typeof seq === 'number');
  return [...new Set(present)].sort((a, b) => a - b);
}
