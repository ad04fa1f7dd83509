/**
 * An action decided in the caller's own numbering (`audience-numbering.ts`): a participant
 * names a page by the number it was shown (`ack: {escalation: 3}`), and hears back the number
 * of the fact it caused, never a log seq that counts entries hidden from it. The facilitator's
 * numbering is the log's, so its actions pass as they are. Both transports call this.
 */
import type { DrillHost } from '../drill-host';
import { audiencesOf } from '../drill-audiences';
import type { LiveDrill } from '../live-drill';
import type { Caller } from './access';
import type { ActionAnswer } from './decide-action';
import { decideAction } from './decide-action';
import type { Connection } from './real-experiment-rule';

/** A seq no page has: what a number the caller was never shown stands for. */
const noSuchEntry = Number.MAX_SAFE_INTEGER;

export async function decideInCallerNumbering(
  host: DrillHost,
  live: LiveDrill,
  caller: Caller,
  body: unknown,
  connection: Connection,
): Promise<ActionAnswer> {
  if (caller.viewer.audience === 'facilitator') return decideAction(live, caller, body, connection);
  const audiences = audiencesOf(live, host.now);
  const named = namedEscalation(body);
  if (named === null) return inCallerNumbering(await decideAction(live, caller, body, connection));
  const logSeq = audiences.numbering(caller.viewer).logSeqOf(named.escalation) ?? noSuchEntry;
  const answer = await decideAction(
    live,
    caller,
    {
      ...named.body,
      ack: { ...named.ack, escalation: logSeq },
    },
    connection,
  );
  // The engine's refusal names the page it was given: name it as the caller did.
  return answer.ok
    ? inCallerNumbering(answer)
    : {
        ...answer,
        error: answer.error.replace(`escalation ${logSeq}`, `escalation ${named.escalation}`),
      };

  function inCallerNumbering(answer: ActionAnswer): ActionAnswer {
    return answer.ok
      ? { ...answer, seq: audiences.numbering(caller.viewer).numberThrough(answer.seq) }
      : answer;
  }
}

/** An `ack` that names its page by number. */
function namedEscalation(body: unknown): {
  body: Record<string, unknown>;
  ack: Record<string, unknown>;
  escalation: number;
} | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const ack = record.ack;
  if (typeof ack !== 'object' || ack === null) return null;
  const escalation = (ack as Record<string, unknown>).escalation;
  return typeof escalation === 'number' && Number.isSafeInteger(escalation) && escalation > 0
    ? { body: record, ack: ack as Record<string, unknown>, escalation }
    : null;
}
