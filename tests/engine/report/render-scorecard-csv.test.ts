import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../../src/engine/report/csv';
import { renderScorecardCsv } from '../../../src/engine/report/render-scorecard-csv';
import { reportCard, reportLog, reportScenario } from './report-fixture';

/** Splits RFC 4180 text into records of fields, to check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      index += 1;
    } else field += character;
  }
  return records;
}

const expectationsCsv = renderScorecardCsv(reportCard, reportScenario, reportLog, 'expectations');
const escalationsCsv = renderScorecardCsv(reportCard, reportScenario, reportLog, 'escalations');

describe('CSV fields', () => {
  it.each([
    { name: 'leaves plain text as it is', value: 'page-ic', expected: 'page-ic' },
    { name: 'quotes a comma', value: 'a, b', expected: '"a, b"' },
    { name: 'quotes and doubles an inner quote', value: 'say "now"', expected: '"say ""now"""' },
    { name: 'quotes a line feed', value: 'one\ntwo', expected: '"one\ntwo"' },
    { name: 'quotes a carriage return', value: 'one\rtwo', expected: '"one\rtwo"' },
    { name: 'writes null as an empty field', value: null, expected: '' },
    { name: 'writes numbers and booleans as they print', value: 12.5, expected: '12.5' },
  ])('$name', ({ value, expected }) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends every record, the last included, with CRLF', () => {
    expect(renderCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});

describe('the expectations CSV', () => {
  const records = parseCsv(expectationsCsv);

  it('starts with its header row', () => {
    expect(records[0]).toEqual([
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
      'kind',
      'met_at_s',
    ]);
  });

  it('has one row per expectation, in scenario order, marked as exercise data', () => {
    expect(records.slice(1).map((record) => record[0])).toEqual([
      'notify-comms',
      'page-ic',
      'tell-secondary',
      'update-director',
    ]);
    expect(records.slice(1).every((record) => record[12] === 'true')).toBe(true);
  });

  it('writes the figures of an expectation, with empty fields for null', () => {
    expect(records[2]).toEqual([
      'page-ic',
      'Page the incident commander',
      'on_time',
      '60',
      '240',
      '180',
      '300',
      '900',
      '100',
      'false',
      'oncall',
      'ic',
      'true',
      'escalate',
      '240',
    ]);
    expect(records[3]).toEqual([
      'tell-secondary',
      'Bring in the secondary on-call',
      'missed',
      '60',
      '',
      '',
      '300',
      '600',
      '',
      'false',
      '',
      '',
      'true',
      'escalate',
      '',
    ]);
  });

  it('quotes a title that contains a comma', () => {
    expect(expectationsCsv).toContain('"Once the IC is engaged, bring in communications"');
  });
});

describe('the escalations CSV', () => {
  const records = parseCsv(escalationsCsv);

  it('starts with its header row', () => {
    expect(records[0]).toEqual([
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
    ]);
  });

  it('has one row per escalation attempt of the team, retracted ones marked', () => {
    expect(records.slice(1).map((record) => [record[0], record[10]])).toEqual([
      ['4', 'false'],
      ['6', 'false'],
      ['8', 'true'],
    ]);
  });

  it('writes delivery, acknowledgement and communication of each attempt', () => {
    expect(records[1]?.slice(0, 12)).toEqual([
      '4',
      '240',
      'oncall',
      'ic',
      'page',
      'true',
      '',
      '330',
      '90',
      '50',
      'false',
      'true',
    ]);
    expect(records[2]?.slice(5, 10)).toEqual(['false', 'unavailable', '', '', '0']);
  });

  it('quotes a message containing a comma, a quote and a line break, doubling the quotes', () => {
    expect(escalationsCsv).toContain('"situation: DB is down, ""badly""\nsince 3m\nask: take IC"');
    expect(records[1]?.[12]).toBe('situation: DB is down, "badly"\nsince 3m\nask: take IC');
  });

  it('defuses free text that a spreadsheet would run as a formula', () => {
    expect(records[3]?.[4]).toBe("'=cmd|calc");
  });
});
