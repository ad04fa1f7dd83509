/**
 * scoring.md version 2, "Communication (changed)": an escalation to a role with a `template`
 * is judged against that template (the status page: what_happened, next_update), others
 * against `escalation` (situation, ask), every handoff attempt, delivered or not, against
 * `handoff` (current_state, owner).
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../../support/log-builder';
import { buildLog } from '../../../support/log-builder';
import { v2Scenario } from './v2-scenario';

const communication = (write: (log: LogBuilder) => void) =>
  scoreDrill(
    v2Scenario(),
    buildLog((log) => {
      log.started();
      write(log);
      log.ended('30m');
    }),
  ).dimensions.communication;

const cases: { rule: string; write: (log: LogBuilder) => void; value: number | null }[] = [
  {
    rule: 'judges an escalation to a role with a template against that template',
    // what_happened filled, next_update not: 1 of 2. (situation, ask would not count.)
    write: (log) =>
      log.escalate('2m', {
        to: 'status-page',
        channel: 'email',
        message: { what_happened: 'Checkout is down', situation: 'db primary lost' },
      }),
    value: 50,
  },
  {
    rule: 'counts `covered` fields of the role’s own template',
    write: (log) =>
      log.escalate('2m', {
        to: 'status-page',
        channel: 'email',
        message: { what_happened: 'Checkout is down' },
        covered: ['next_update'],
      }),
    value: 100,
  },
  {
    rule: 'judges an escalation to a role without one against `escalation`',
    write: (log) =>
      log.escalate('2m', { to: 'ic', message: { situation: 'db down', ask: 'approve' } }),
    value: 100,
  },
  {
    rule: 'judges an undelivered escalation to an audience too',
    write: (log) =>
      log.escalate('2m', {
        to: 'status-page',
        channel: 'email',
        delivered: false,
        message: { next_update: '30m' },
      }),
    value: 50,
  },
  {
    rule: 'judges every handoff attempt, delivered or not, against `handoff`',
    // 1 of 2 (delivered), 2 of 2 (not delivered): (50 + 100) / 2 = 75.
    write: (log) => {
      log.handoff('2m', { from: 'oncall', to: 'ic', message: { current_state: 'failing over' } });
      log.handoff('3m', {
        from: 'oncall',
        to: 'secondary',
        delivered: false,
        message: { current_state: 'failing over', owner: 'oncall' },
      });
    },
    value: 75,
  },
  {
    rule: 'averages over messages judged against different templates',
    // status page 1/2, IC 2/2, handoff 1/2: (50 + 100 + 50) / 3 = 66.67, written 67.
    write: (log) => {
      log.escalate('2m', { to: 'status-page', channel: 'email', covered: ['what_happened'] });
      log.escalate('3m', { to: 'ic', message: { situation: 'x', ask: 'y' } });
      log.handoff('4m', { from: 'ic', to: 'oncall', covered: ['owner'] });
    },
    value: 67,
  },
];

describe('when messages are judged against their templates', () => {
  it.each(cases)('$rule', ({ write, value }) => {
    expect(communication(write)).toBe(value);
  });
});
