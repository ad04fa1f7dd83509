/**
 * A long text kept as the pieces it arrived in, read as if it were one string. Joining a
 * 20 MB request body into one string is one uninterrupted copy into fresh memory (about
 * 160 ms on a small VM, all of it on the event loop); the export reader needs only these
 * four string operations, and a piece at a time gives them cheaply.
 */
import type { JsonText } from './json-text';

export class PiecedText implements JsonText {
  readonly length: number;
  private readonly pieces: readonly string[];
  /** Where each piece starts in the whole text. */
  private readonly starts: readonly number[];
  // The piece read last: reading moves forward, so the next read is nearly always in it.
  private currentIndex = 0;
  private currentStart = 0;
  private currentPiece = '';

  constructor(pieces: readonly string[]) {
    this.pieces = pieces.filter((piece) => piece.length > 0);
    const starts: number[] = [];
    let length = 0;
    for (const piece of this.pieces) {
      starts.push(length);
      length += piece.length;
    }
    this.starts = starts;
    this.length = length;
    this.currentPiece = this.pieces[0] ?? '';
  }

  charCodeAt(index: number): number {
    const local = index - this.currentStart;
    if (local >= 0 && local < this.currentPiece.length) return this.currentPiece.charCodeAt(local);
    if (!this.moveTo(index)) return Number.NaN;
    return this.currentPiece.charCodeAt(index - this.currentStart);
  }

  indexOf(search: string, position = 0): number {
    const from = Math.max(0, Math.min(position, this.length));
    if (search.length === 0) return from;
    if (!this.moveTo(from)) return -1;
    for (let index = this.currentIndex; index < this.pieces.length; index++) {
      const piece = this.pieces[index] ?? '';
      const start = this.starts[index] ?? 0;
      const found = piece.indexOf(search, Math.max(0, from - start));
      if (found >= 0) return start + found;
      // A match that begins in this piece and ends in a later one.
      if (search.length > 1) {
        const tailStart = Math.max(from, start + piece.length - search.length + 1);
        const window = this.slice(tailStart, tailStart + 2 * search.length - 2);
        const across = window.indexOf(search);
        if (across >= 0) return tailStart + across;
      }
    }
    return -1;
  }

  slice(start: number, end: number = this.length): string {
    const to = Math.min(end, this.length);
    if (to <= start || !this.moveTo(start)) return '';
    const local = start - this.currentStart;
    if (to - this.currentStart <= this.currentPiece.length)
      return this.currentPiece.slice(local, to - this.currentStart);
    const parts = [this.currentPiece.slice(local)];
    for (let index = this.currentIndex + 1; index < this.pieces.length; index++) {
      const pieceStart = this.starts[index] ?? 0;
      if (pieceStart >= to) break;
      parts.push((this.pieces[index] ?? '').slice(0, to - pieceStart));
    }
    return parts.join('');
  }

  /** Makes the piece holding `index` the current one; false when the index is outside. */
  private moveTo(index: number): boolean {
    if (!(index >= 0 && index < this.length)) return false;
    if (index >= this.currentStart && index < this.currentStart + this.currentPiece.length)
      return true;
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    this.currentIndex = low;
    this.currentStart = this.starts[low] ?? 0;
    this.currentPiece = this.pieces[low] ?? '';
    return true;
  }
}
