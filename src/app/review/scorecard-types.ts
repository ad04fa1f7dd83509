/** The scorecard as the server sends it (scoring.md), as far as the review pages read it. */
export interface ScorecardExpectation {
  readonly id: string;
  readonly verdict: 'on_time' | 'late' | 'missed' | 'not_due' | 'not_triggered';
  readonly triggered_at_s: number | null;
  readonly escalated_at_s: number | null;
  readonly latency_s: number | null;
  readonly target_s: number;
  readonly deadline_s: number;
  readonly score: number | null;
  readonly anticipated: boolean;
  readonly by: string | null;
  readonly to: string | null;
  readonly trace: { readonly trigger: number | null; readonly escalation: number | null };
}

export interface Scorecard {
  readonly scenario: string;
  readonly team: string | null;
  readonly duration_s: number;
  readonly overall: number | null;
  readonly dimensions: Readonly<
    Record<'timeliness' | 'communication' | 'acknowledgement' | 'checklists', number | null>
  >;
  readonly expectations: readonly ScorecardExpectation[];
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly trace: {
    readonly timeliness: readonly number[];
    readonly communication: readonly number[];
    readonly acknowledgement: readonly number[];
    readonly checklists: readonly number[];
    readonly metrics: Readonly<Record<string, readonly number[]>>;
  };
}

/** Verdicts told apart by shape and words as well as colour. */
export const verdictLabels: Record<
  ScorecardExpectation['verdict'],
  { readonly mark: string; readonly text: string }
> = {
  on_time: { mark: '✔', text: 'on time' },
  late: { mark: '◐', text: 'late' },
  missed: { mark: '✖', text: 'missed' },
  not_due: { mark: '…', text: 'not due' },
  not_triggered: { mark: '–', text: 'not triggered' },
};

export const metricExplanations: Record<string, string> = {
  time_to_first_escalation_s:
    'From the first expectation starting its clock to the first escalation attempt.',
  median_time_to_escalate_s: 'Half of the met expectations were escalated faster than this.',
  median_time_to_acknowledge_s: 'Half of the acknowledged pages were answered faster than this.',
  escalations: 'Every escalation attempt, delivered or not.',
  proactive_escalations:
    'Delivered escalations no expectation asked for: never penalised — escalating is encouraged.',
  unanswered_escalations:
    'Attempts that did not get through (the person unreachable, the channel down).',
  authority_violations: 'Decisions taken by a role without the authority the decision needs.',
};
