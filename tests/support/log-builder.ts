/**
 * Builds drill logs for tests, readably: `log.escalate('3m', { from: 'oncall', to: 'ic' })`.
 * Sequence numbers count up from 1, drill times are durations like `'3m'` or `'1m30s'`,
 * wall-clock time equals drill time. Each method returns the new entry's seq, so later
 * facts (acknowledgements, retractions) can point at it.
 */
import type {
  Fact,
  FactPayloads,
  FactType,
  LogEntry,
  UndeliveredReason,
} from '../../src/engine/log';
import { parseDuration } from '../../src/scenario/duration';

export interface EscalationInput {
  readonly from?: string | null;
  readonly to: string;
  readonly channel?: string;
  readonly delivered?: boolean;
  readonly undelivered?: UndeliveredReason | null;
  readonly system?: boolean;
  readonly message?: Record<string, string>;
  readonly covered?: readonly string[];
}

export interface HandoffInput {
  readonly from: string;
  readonly to: string;
  readonly delivered?: boolean;
  readonly message?: Record<string, string>;
  readonly covered?: readonly string[];
}

/** Milliseconds for a test's drill time such as `'90s'` or `'1h2m'`. */
export function ms(time: string): number {
  const parsed = parseDuration(time);
  if (parsed === undefined) throw new Error(`not a duration: ${time}`);
  return parsed;
}

/** The drill time `later` after `time`, e.g. `plus('2m', '7m30s')` is `'570s'`. */
export function plus(time: string, later: string): string {
  return `${(ms(time) + ms(later)) / 1000}s`;
}

export class LogBuilder {
  readonly entries: LogEntry[] = [];

  /** Any fact at a drill time; the typed helpers below cover the common ones. */
  fact<K extends FactType>(type: K, at: string, payload: FactPayloads[K]): number {
    const seq = this.entries.length + 1;
    const drillMs = ms(at);
    this.entries.push({ type, payload, seq, drillMs, wallMs: drillMs } as Fact & LogEntry);
    return seq;
  }

  created(options: { seed?: number; team?: string; scenario?: string } = {}): number {
    return this.fact('drill.created', '0s', {
      scenario: options.scenario ?? 'test',
      seed: options.seed ?? 1,
      team: options.team ?? '',
      speed: 1,
      armed: false,
    });
  }

  started(at = '0s'): number {
    return this.fact('drill.started', at, {});
  }

  ended(at: string): number {
    return this.fact('drill.ended', at, {});
  }

  aborted(at: string, reason = 'stopped by the facilitator'): number {
    return this.fact('drill.aborted', at, { reason });
  }

  fired(inject: string, at: string): number {
    return this.fact('inject.fired', at, { inject, cause: 'schedule' });
  }

  escalate(at: string, input: EscalationInput): number {
    const delivered = input.delivered ?? true;
    return this.fact('escalation.recorded', at, {
      from: input.from === undefined ? 'oncall' : input.from,
      to: input.to,
      channel: input.channel ?? 'page',
      delivered,
      undelivered: input.undelivered ?? (delivered ? null : 'unavailable'),
      via: null,
      system: input.system ?? false,
      message: input.message ?? {},
      covered: input.covered ?? [],
    });
  }

  ack(at: string, by: string, escalation: number, automatic = false): number {
    return this.fact('acknowledgement.recorded', at, { by, escalation, automatic });
  }

  handoff(at: string, input: HandoffInput): number {
    return this.fact('handoff.recorded', at, {
      from: input.from,
      to: input.to,
      message: input.message ?? {},
      covered: input.covered ?? [],
      ...(input.delivered === undefined ? {} : { delivered: input.delivered }),
    });
  }

  declare(at: string, severity: string, by = 'ic'): number {
    return this.fact('severity.declared', at, { severity, by });
  }

  check(at: string, checklist: string, item: number, by = 'oncall'): number {
    return this.fact('checklist.checked', at, { checklist, item, by });
  }

  uncheck(at: string, checklist: string, item: number, by = 'oncall'): number {
    return this.fact('checklist.unchecked', at, { checklist, item, by });
  }

  decide(at: string, decision: string, by: string, option?: string): number {
    return this.fact('decision.recorded', at, {
      decision,
      by,
      authorized: true,
      ...(option === undefined ? {} : { option }),
    });
  }

  retract(at: string, seq: number, reason = 'recorded by mistake'): number {
    return this.fact('fact.retracted', at, { seq, reason });
  }
}

/** A log written by `write`, e.g. `buildLog((log) => { log.started(); log.fired('alarm', '1m'); })`. */
export function buildLog(write: (log: LogBuilder) => void): LogEntry[] {
  const builder = new LogBuilder();
  write(builder);
  return builder.entries;
}
