/**
 * The debrief as it stands: every item recorded, each in its latest version. An edit is a
 * `debrief.recorded` that `supersedes` an earlier one and takes its place; a delete is a
 * retraction of any version, which withdraws the item. Nothing leaves the log: the earlier
 * versions stay in it (and in the export), only the current debrief is read from here.
 */
import type { DebriefKind, EntryOf, LogEntry } from '../log';

type DebriefFact = EntryOf<'debrief.recorded'>;

/** One debrief item in its latest version. */
export interface DebriefItem {
  /** The latest version's seq: what an edit supersedes and a delete retracts. */
  readonly seq: number;
  /** The seq the item was first recorded with; items keep the order they were first recorded. */
  readonly firstSeq: number;
  readonly kind: DebriefKind;
  readonly text: string;
  readonly category: string | null;
  readonly owner: string | null;
  readonly due: string | null;
  /** The seqs of earlier versions, oldest first (empty for an item never edited). */
  readonly earlier: readonly number[];
}

export class DebriefBook {
  /** Each version's seq → the first seq of its item. */
  private readonly itemOf = new Map<number, number>();
  /** First seq → the item in its latest version, in the order items were first recorded. */
  private readonly items = new Map<number, DebriefItem>();
  private readonly withdrawn = new Set<number>();

  record(entry: DebriefFact): void {
    const { supersedes, kind, text, category, owner, due } = entry.payload;
    const first = supersedes === undefined ? undefined : this.itemOf.get(supersedes);
    const before = first === undefined ? undefined : this.items.get(first);
    // An edit of a version that is not the latest, or of a withdrawn item, is refused by the
    // engine; an imported log that holds one anyway starts a new item rather than losing it.
    const edits = before !== undefined && before.seq === supersedes;
    const firstSeq = edits ? before.firstSeq : entry.seq;
    this.itemOf.set(entry.seq, firstSeq);
    if (this.withdrawn.has(firstSeq)) return;
    this.items.set(firstSeq, {
      seq: entry.seq,
      firstSeq,
      kind,
      text,
      category,
      owner,
      due,
      earlier: edits ? [...before.earlier, before.seq] : [],
    });
  }

  /** A retracted version withdraws its item. Returns whether the seq was a debrief fact. */
  retract(seq: number): boolean {
    const first = this.itemOf.get(seq);
    if (first === undefined) return false;
    this.withdrawn.add(first);
    this.items.delete(first);
    return true;
  }

  /** The current debrief, in the order its items were first recorded. */
  get current(): readonly DebriefItem[] {
    return [...this.items.values()];
  }

  /** The item a version belongs to, if it stands; `undefined` if withdrawn or unknown. */
  itemWith(seq: number): DebriefItem | undefined {
    const first = this.itemOf.get(seq);
    return first === undefined ? undefined : this.items.get(first);
  }
}

/**
 * The current debrief of a list of entries (a screen's visible entries, an export's log),
 * read by the same book the projection keeps.
 */
export function currentDebrief(entries: readonly LogEntry[]): readonly DebriefItem[] {
  const book = new DebriefBook();
  for (const entry of entries) {
    if (entry.type === 'debrief.recorded') book.record(entry);
    else if (entry.type === 'fact.retracted') book.retract(entry.payload.seq);
  }
  return book.current;
}
