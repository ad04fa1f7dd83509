/**
 * The after-action report as a document model: plain text in sections, blocks and tables,
 * no markup. One model, three forms: `render-aar-markdown.ts` writes it as Markdown, the
 * app's report view (`/drills/:id/report`) shows and prints it, and the JSON export carries
 * it (`report.document`). Text is never markup here: each medium makes it inert its own way.
 */

export interface AarColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export type AarBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Label–value lines ("Scenario: …"). */
  | {
      readonly kind: 'facts';
      readonly items: readonly { readonly label: string; readonly value: string }[];
    }
  /** A bullet list; a `label` is the item's category, shown before its text. */
  | {
      readonly kind: 'list';
      readonly items: readonly { readonly label: string | null; readonly text: string }[];
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly AarColumn[];
      readonly rows: readonly (readonly string[])[];
    };

export interface AarSection {
  readonly title: string;
  readonly blocks: readonly AarBlock[];
}

export interface AfterActionReport {
  readonly exercise: true;
  readonly title: string;
  /** The banner under the title: this is a drill, not a real incident. */
  readonly notice: string;
  /** The line every section carries, so a page copied or printed alone still says so. */
  readonly mark: string;
  readonly sections: readonly AarSection[];
}

/** Someone who joined the drill and the roles they held at the end (not a drill fact). */
export interface AarPlayer {
  readonly name: string;
  readonly roles: readonly string[];
}

export const aarNotice =
  'EXERCISE DATA. This after-action report and improvement plan (AAR/IP) describes a Firedrill incident-response drill, not a real incident.';

export const aarMark = 'Exercise data: from a Firedrill drill, not a real incident.';
