/**
 * One row per escalation attempt of the team, for export: what was sent, whether it got
 * through, when it was acknowledged and how complete its message was. Retracted attempts
 * stay in, marked, so the export shows the corrections the facilitator made.
 */
import type { LogEntry, MessageContent, UndeliveredReason } from '../log';
import { inDrillOrder } from '../projection/drill-order';
import { projectLog } from '../projection/drill-projection';
import type { ProjectionScenario } from '../projection/projection-views';
import { ackLatencyMs } from '../score/acknowledgements';
import { messageCompleteness } from '../score/communication';
import { escalationFields } from '../../scenario/templates';
import type { TemplateSource } from '../../scenario/templates';

export interface EscalationRow {
  readonly seq: number;
  readonly atMs: number;
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly delivered: boolean;
  readonly undelivered: UndeliveredReason | null;
  readonly acknowledgedAtMs: number | null;
  /** The acknowledgement that counts (the first in drill order not retracted). */
  readonly acknowledgementSeq: number | null;
  readonly ackLatencyMs: number | null;
  /** Unrounded, against the target role's template or `escalation`; `null` without one. */
  readonly communicationPercent: number | null;
  readonly retracted: boolean;
  readonly content: MessageContent;
}

export function escalationRows(
  scenario: TemplateSource & ProjectionScenario,
  log: readonly LogEntry[],
): EscalationRow[] {
  const projection = projectLog(scenario, log);
  return inDrillOrder(projection.pages)
    .filter((page) => !page.system)
    .map((page) => {
      const acknowledgement = page.delivered ? projection.acknowledgementOf(page.seq) : undefined;
      return {
        seq: page.seq,
        atMs: page.drillMs,
        from: page.from,
        to: page.to,
        channel: page.channel,
        delivered: page.delivered,
        undelivered: page.undelivered,
        acknowledgedAtMs: acknowledgement?.drillMs ?? null,
        acknowledgementSeq: acknowledgement?.seq ?? null,
        ackLatencyMs: ackLatencyMs(page, acknowledgement),
        communicationPercent: messageCompleteness(page, escalationFields(scenario, page.to)),
        retracted: page.retracted,
        content: { message: page.message, covered: page.covered },
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
