/**
 * The scorecard as CSV for spreadsheets: one table of expectations, of the team's escalation
 * attempts, of decisions, or of the occurrences of recurring expectations. Every row says `exercise=true`, so a row copied elsewhere still says
 * it is exercise data. Times are drill seconds, unrounded; scores rounded.
 */
import type { LogEntry } from '../log';
import type { Scenario } from '../../scenario/types';
import type { Scorecard } from '../score/scorecard';
import type { CsvValue } from './csv';
import { renderCsv, spreadsheetSafe } from './csv';
import { escalationFields } from '../../scenario/templates';
import { escalationRows, messageText } from './escalation-rows';
import { occurrenceRows } from './occurrence-rows';

/** The tables `--csv` (and `?format=csv&table=`) can write, the first by default. */
export const csvTableNames = ['expectations', 'escalations', 'decisions', 'occurrences'] as const;
export type CsvTableName = (typeof csvTableNames)[number];

const expectationHeader = [
  'id',
  'title',
  'verdict',
  'triggered_at_s',
  'escalated_at_s',
  'latency_s',
  'target_s',
  'deadline_s',
  'score',
  'anticipated',
  'by',
  'to',
  'exercise',
  // Format v2, after the wave-1 columns so their positions stay fixed.
  'kind',
  'met_at_s',
];

const decisionHeader = ['seq', 'at_s', 'decision', 'option', 'by', 'authorised', 'exercise'];

/** One row per occurrence of a recurring expectation (format v2). */
const occurrenceHeader = [
  'expectation',
  'occurrence',
  'triggered_at_s',
  'met_at_s',
  'latency_s',
  'verdict',
  'score',
  'anticipated',
  'exercise',
];

/** `message` comes last, after the agreed columns, so their positions stay fixed. */
const escalationHeader = [
  'seq',
  'at_s',
  'from',
  'to',
  'channel',
  'delivered',
  'undelivered_reason',
  'acknowledged_at_s',
  'ack_latency_s',
  'communication_pct',
  'retracted',
  'exercise',
  'message',
];

export function renderScorecardCsv(
  card: Scorecard,
  scenario: Scenario,
  log: readonly LogEntry[],
  table: CsvTableName,
): string {
  switch (table) {
    case 'expectations':
      return renderCsv(expectationHeader, expectationRecords(card, scenario));
    case 'escalations':
      return renderCsv(escalationHeader, escalationRecords(scenario, log));
    case 'decisions':
      return renderCsv(
        decisionHeader,
        card.decisions.map((decision) => [
          decision.seq,
          decision.at_s,
          decision.decision,
          decision.option,
          decision.by,
          decision.authorised,
          card.exercise,
        ]),
      );
    case 'occurrences':
      return renderCsv(
        occurrenceHeader,
        occurrenceRows(card).map(({ expectation, number, occurrence }) => [
          expectation,
          number,
          occurrence.triggered_at_s,
          occurrence.met_at_s,
          occurrence.latency_s,
          occurrence.verdict,
          occurrence.score,
          occurrence.anticipated,
          card.exercise,
        ]),
      );
  }
}

function expectationRecords(card: Scorecard, scenario: Scenario): CsvValue[][] {
  const titles = new Map(
    scenario.expectations.map((expectation) => [expectation.id, expectation.title]),
  );
  return card.expectations.map((expectation) => [
    expectation.id,
    spreadsheetSafe(titles.get(expectation.id) ?? ''),
    expectation.verdict,
    expectation.triggered_at_s,
    expectation.escalated_at_s,
    expectation.latency_s,
    expectation.target_s,
    expectation.deadline_s,
    expectation.score,
    expectation.anticipated,
    expectation.by,
    expectation.to,
    card.exercise,
    expectation.kind,
    expectation.met_at_s,
  ]);
}

function escalationRecords(scenario: Scenario, log: readonly LogEntry[]): CsvValue[][] {
  return escalationRows(scenario, log).map((row) => [
    row.seq,
    seconds(row.atMs),
    row.from === null ? null : spreadsheetSafe(row.from),
    spreadsheetSafe(row.to),
    spreadsheetSafe(row.channel),
    row.delivered,
    row.undelivered,
    seconds(row.acknowledgedAtMs),
    seconds(row.ackLatencyMs),
    row.communicationPercent === null ? null : Math.round(row.communicationPercent),
    row.retracted,
    true,
    spreadsheetSafe(messageText(row.content, escalationFields(scenario, row.to))),
  ]);
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : ms / 1000;
}
