/**
 * `GET /api/drills/:id/scorecard`: the engine's `Scorecard` (scoring.md), re-exported so the
 * app reads the one type the scorer writes. The schema is typed against it, so a field the
 * engine renames fails `tsc` here and in every screen that reads it.
 */
import * as z from 'zod/mini';
import { verdictLabels } from '../engine/report/report-wording';
import type { Scorecard, Verdict } from '../engine/score/scorecard';

export type {
  DimensionName,
  Dimensions,
  ExpectationCard,
  MessageTrace,
  MetricName,
  Metrics,
  PageTrace,
  Scorecard,
  ScorecardTrace,
  Verdict,
} from '../engine/score/scorecard';

const seconds = z.number();
const score = z.nullable(z.number().check(z.minimum(0), z.maximum(100)));
const seqs = z.array(z.int());
const count = z.int().check(z.minimum(0));

/** Every verdict the engine gives: the label table lists each one, so the two cannot drift. */
export const verdict = z.enum(Object.keys(verdictLabels) as [Verdict, ...Verdict[]]);

const occurrenceCard = z.object({
  triggered_at_s: seconds,
  met_at_s: z.nullable(seconds),
  latency_s: z.nullable(seconds),
  verdict: z.enum(['on_time', 'late', 'missed', 'not_due']),
  score,
  anticipated: z.boolean(),
});

const expectationCard = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['escalate', 'decide', 'declare', 'handoff']),
  verdict,
  triggered_at_s: z.nullable(seconds),
  met_at_s: z.nullable(seconds),
  escalated_at_s: z.nullable(seconds),
  latency_s: z.nullable(seconds),
  target_s: seconds,
  deadline_s: seconds,
  score,
  anticipated: z.boolean(),
  by: z.nullable(z.string()),
  to: z.nullable(z.string()),
  occurrences: z.exactOptional(z.array(occurrenceCard)),
  trace: z.object({ trigger: z.nullable(z.int()), escalation: z.nullable(z.int()) }),
});

/** Beside `communication`: one message's template fields, covered and left out. */
const messageTrace = z.object({
  seq: z.int(),
  kind: z.enum(['escalation', 'handoff']),
  to: z.string(),
  template: z.string(),
  filled: z.array(z.string()),
  missing: z.array(z.string()),
  percent: z.number().check(z.minimum(0), z.maximum(100)),
});

/** Beside `acknowledgement`: one page, how long it waited, its window and its score. */
const pageTrace = z.object({
  seq: z.int(),
  to: z.string(),
  system: z.boolean(),
  acknowledgement: z.nullable(z.int()),
  latency_s: z.nullable(seconds),
  ack_within_s: seconds,
  score: z.number().check(z.minimum(0), z.maximum(100)),
});

export const scorecardReply: z.ZodMiniType<Scorecard> = z.object({
  exercise: z.literal(true),
  version: z.literal(1),
  scenario: z.string(),
  team: z.nullable(z.string()),
  seed: z.nullable(z.int()),
  duration_s: seconds,
  overall: score,
  dimensions: z.object({
    timeliness: score,
    communication: score,
    acknowledgement: score,
    checklists: score,
  }),
  expectations: z.array(expectationCard),
  metrics: z.object({
    time_to_first_escalation_s: z.nullable(seconds),
    median_time_to_escalate_s: z.nullable(seconds),
    median_time_to_acknowledge_s: z.nullable(seconds),
    escalations: count,
    proactive_escalations: count,
    unanswered_escalations: count,
    authority_violations: count,
    time_to_declare_s: z.nullable(seconds),
    handoffs: count,
    system_pages: count,
  }),
  decisions: z.array(
    z.object({
      decision: z.string(),
      option: z.nullable(z.string()),
      by: z.string(),
      at_s: seconds,
      authorised: z.boolean(),
      seq: z.int(),
    }),
  ),
  trace: z.object({
    timeliness: seqs,
    communication: seqs,
    acknowledgement: seqs,
    checklists: seqs,
    metrics: z.object({
      time_to_first_escalation_s: seqs,
      median_time_to_escalate_s: seqs,
      median_time_to_acknowledge_s: seqs,
      escalations: seqs,
      proactive_escalations: seqs,
      unanswered_escalations: seqs,
      authority_violations: seqs,
      time_to_declare_s: seqs,
      handoffs: seqs,
      system_pages: seqs,
    }),
    messages: z.array(messageTrace),
    pages: z.array(pageTrace),
  }),
});
