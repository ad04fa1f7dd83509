/**
 * One row per escalation attempt of the team, for export: what was sent, whether it got
 * through, when it was acknowledged and how complete its message was. Retracted attempts
 * stay in, marked, so the export shows the corrections the facilitator made.
 */
import type { LogEntry, MessageContent, UndeliveredReason } from '../log';
import { isType, retractedSeqs } from '../log';
import type { Scenario } from '../../scenario/types';
import { ackLatencyMs, firstAcknowledgements } from '../score/acknowledgements';
import { messageCompleteness } from '../score/communication';
import { inDrillOrder } from '../score/drill-timeline';

export interface EscalationRow {
  readonly seq: number;
  readonly atMs: number;
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly delivered: boolean;
  readonly undelivered: UndeliveredReason | null;
  readonly acknowledgedAtMs: number | null;
  readonly ackLatencyMs: number | null;
  /** Unrounded; `null` without an escalation template. */
  readonly communicationPercent: number | null;
  readonly retracted: boolean;
  readonly content: MessageContent;
}

export function escalationRows(scenario: Scenario, log: readonly LogEntry[]): EscalationRow[] {
  const retracted = retractedSeqs(log);
  const ordered = inDrillOrder(log);
  const firstAcks = firstAcknowledgements(
    ordered.filter(isType('acknowledgement.recorded')).filter((entry) => !retracted.has(entry.seq)),
  );
  return ordered
    .filter(isType('escalation.recorded'))
    .filter((entry) => !entry.payload.system)
    .map((entry) => {
      const acknowledgement = entry.payload.delivered ? firstAcks.get(entry.seq) : undefined;
      return {
        seq: entry.seq,
        atMs: entry.drillMs,
        from: entry.payload.from,
        to: entry.payload.to,
        channel: entry.payload.channel,
        delivered: entry.payload.delivered,
        undelivered: entry.payload.undelivered,
        acknowledgedAtMs: acknowledgement?.drillMs ?? null,
        ackLatencyMs: ackLatencyMs(entry, acknowledgement),
        communicationPercent: messageCompleteness(entry.payload, scenario.templates.escalation),
        retracted: retracted.has(entry.seq),
        content: entry.payload,
      };
    });
}

/**
 * A message as readable text: the template's fields first, in template order, then any
 * others, one `field: text` per line, then the fields a spoken message covered.
 */
export function messageText(content: MessageContent, template: readonly string[] | null): string {
  const fields = Object.keys(content.message);
  const ordered = [
    ...(template ?? []).filter((field) => fields.includes(field)),
    ...fields.filter((field) => !(template ?? []).includes(field)),
  ];
  const lines = ordered
    .map((field) => [field, content.message[field] ?? ''] as const)
    .filter(([, text]) => text.trim() !== '')
    .map(([field, text]) => `${field}: ${text}`);
  if (content.covered.length > 0) lines.push(`covered: ${content.covered.join(', ')}`);
  return lines.join('\n');
}
