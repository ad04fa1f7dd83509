/**
 * The scorecard as CSV for spreadsheets: one table of expectations, or one of the team's
 * escalation attempts. Every row says `exercise=true`, so a row copied elsewhere still says
 * it is exercise data. Times are drill seconds, unrounded; scores rounded.
 */
import type { LogEntry } from '../log';
import type { Scenario } from '../../scenario/types';
import type { Scorecard } from '../score/scorecard';
import type { CsvValue } from './csv';
import { renderCsv, spreadsheetSafe } from './csv';
import { escalationRows, messageText } from './escalation-rows';

/** The tables `--csv` (and `?format=csv&table=`) can write, the first by default. */
export const csvTableNames = ['expectations', 'escalations', 'decisions'] as const;
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
];

const decisionHeader = ['seq', 'at_s', 'decision', 'option', 'by', 'authorised', 'exercise'];

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
    spreadsheetSafe(messageText(row.content, scenario.templates.escalation)),
  ]);
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : ms / 1000;
}
