/**
 * `GET /api/drills/:id/report?format=json` (facilitator): the after-action report as the
 * engine's document model (`engine/report/aar-document.ts`), and the same document as the
 * JSON export's `report` member. The schema is typed against the engine's type, so a field
 * renamed on either side fails `tsc`.
 */
import * as z from 'zod/mini';
import type { AarBlock, AfterActionReport } from '../engine/report/aar-document';

export type { AarBlock, AarSection, AfterActionReport } from '../engine/report/aar-document';

const column = z.object({ header: z.string(), align: z.exactOptional(z.enum(['left', 'right'])) });

const block: z.ZodMiniType<AarBlock> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({
    kind: z.literal('facts'),
    items: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  z.object({
    kind: z.literal('list'),
    items: z.array(z.object({ label: z.nullable(z.string()), text: z.string() })),
  }),
  z.object({
    kind: z.literal('table'),
    columns: z.array(column),
    rows: z.array(z.array(z.string())),
  }),
]);

export const afterActionReport: z.ZodMiniType<AfterActionReport> = z.object({
  exercise: z.literal(true),
  title: z.string(),
  notice: z.string(),
  mark: z.string(),
  sections: z.array(z.object({ title: z.string(), blocks: z.array(block) })),
});
