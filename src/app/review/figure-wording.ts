/**
 * Why the communication and acknowledgement figures are what they are, in words, from the
 * scorecard's per-message and per-page detail (`trace.messages`, `trace.pages`): a sentence
 * for the figure and one beside each log entry behind it. Nothing is re-scored here.
 */
import type { DimensionName, MessageTrace, PageTrace, Scorecard } from '../../protocol/scorecard';
import { spokenSeconds } from './trace-wording';

/** What the trace panel says about a figure: a sentence, and a note per log entry. */
export interface FigureWords {
  readonly explanation?: string | undefined;
  readonly notes?: ReadonlyMap<number, string> | undefined;
}

/** "2 of 3 template fields: situation, ask — impact missing: 67". */
export function explainMessage(message: MessageTrace): string {
  const total = message.filled.length + message.missing.length;
  const filled = message.filled.length > 0 ? `: ${message.filled.join(', ')}` : '';
  const missing = message.missing.length > 0 ? ` — ${message.missing.join(', ')} missing` : '';
  return `${message.filled.length} of ${total} template fields${filled}${missing}: ${message.percent}`;
}

/** "Acknowledged after 7m12s, window 5m: 56"; "Never acknowledged, window 5m: 0". */
export function explainPage(page: PageTrace): string {
  const window = `window ${spokenSeconds(page.ack_within_s)}`;
  const answer =
    page.latency_s === null
      ? `never acknowledged, ${window}: 0`
      : `acknowledged after ${spokenSeconds(page.latency_s)}, ${window}: ${page.score}`;
  return page.system ? `System page ${answer}` : capitalised(answer);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The words for a dimension: communication and acknowledgement are explained entry by entry. */
export function dimensionWords(card: Scorecard, name: DimensionName): FigureWords {
  const value = card.dimensions[name];
  if (name === 'communication') {
    const { messages } = card.trace;
    return {
      explanation:
        messages.length === 0
          ? 'No message with a template to measure: left out of the score.'
          : `The mean share of template fields covered, over ${count(messages.length, 'message')}: ${value ?? '—'}.`,
      notes: new Map(messages.map((message) => [message.seq, explainMessage(message)])),
    };
  }
  if (name === 'acknowledgement') {
    const { pages } = card.trace;
    return {
      explanation:
        pages.length === 0
          ? 'No page to a person to measure: left out of the score.'
          : `The mean over ${count(pages.length, 'page')}: 100 within the window, falling to 0 at twice it, 0 when never acknowledged: ${value ?? '—'}.`,
      notes: pageNotes(card),
    };
  }
  return {};
}

/** A note beside each measured page's escalation entry (the median time to acknowledge too). */
export function pageNotes(card: Scorecard): ReadonlyMap<number, string> {
  return new Map(card.trace.pages.map((page) => [page.seq, explainPage(page)]));
}

/** One page's sentence, for a chart bar; an unmeasured one says why it is not counted. */
export function explainPageBySeq(card: Scorecard, seq: number): string {
  const page = card.trace.pages.find((candidate) => candidate.seq === seq);
  return page
    ? explainPage(page)
    : 'Left out of acknowledgement: the role is simulated, or its window had not run out when the drill ended.';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
