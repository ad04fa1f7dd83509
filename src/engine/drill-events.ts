/**
 * The events the drill machine understands, named `domain.verb`, and how actions map to them.
 * A host asks the machine whether it `can` take one, decides it, then sends it.
 */
import type { ActionName } from './actions';
import type { ActionRequest } from './action-outcome';
import type { ChatFailure } from './chat-failure';
import type { LogEntry } from './log';
import type { RealPageReport } from './real-pages';

export const actionEvents = {
  start: 'drill.start',
  pause: 'drill.pause',
  resume: 'drill.resume',
  end: 'drill.end',
  abort: 'drill.abort',
  speed: 'drill.speed',
  fire_inject: 'inject.fire',
  skip_inject: 'inject.skip',
  delay_inject: 'inject.delay',
  adhoc_inject: 'inject.adhoc',
  start_experiment: 'experiment.start',
  stop_experiment: 'experiment.stop',
  retract: 'fact.retract',
  debrief: 'debrief.record',
  escalate: 'escalation.record',
  ack: 'acknowledgement.record',
  handoff: 'handoff.record',
  check: 'checklist.check',
  uncheck: 'checklist.uncheck',
  decide: 'decision.record',
  declare: 'severity.declare',
  note: 'note.record',
} as const satisfies Record<ActionName, string>;

export type ActionEventType = (typeof actionEvents)[ActionName];

export interface ExperimentReport {
  readonly experiment: string;
  readonly status: string;
  readonly reason: string | null;
  readonly dryRun: boolean;
  readonly fisExperimentId?: string;
}

export interface ExperimentFailure {
  readonly experiment: string;
  readonly call: string;
  readonly code: string;
  readonly reason: string;
  readonly dryRun: boolean;
}

export type DrillEvent =
  | { readonly type: ActionEventType; readonly request: ActionRequest; readonly wallMs: number }
  | { readonly type: 'clock.tick'; readonly wallMs: number }
  | {
      readonly type: 'experiment.report';
      readonly report: ExperimentReport;
      readonly wallMs: number;
    }
  | {
      readonly type: 'experiment.failure';
      readonly failure: ExperimentFailure;
      readonly wallMs: number;
    }
  | {
      readonly type: 'experiments.arm';
      readonly region: readonly string[];
      readonly endpoint: string;
      readonly wallMs: number;
    }
  | { readonly type: 'chat.failure'; readonly failure: ChatFailure; readonly wallMs: number }
  /** Real PagerDuty pages (issue 17): arming, and the server's pager reporting back. */
  | {
      readonly type: 'real_pages.arm';
      readonly routingKeys: readonly string[];
      readonly wallMs: number;
    }
  | { readonly type: 'real_page.report'; readonly report: RealPageReport; readonly wallMs: number }
  /** A fact read back from a stored log: the lifecycle follows it. */
  | { readonly type: 'log.replay'; readonly entry: LogEntry }
  | { readonly type: 'clock.downtime'; readonly lastAliveWallMs: number; readonly wallMs: number };

export type ActionEvent = Extract<DrillEvent, { request: ActionRequest }>;
