/** Message fields outside the applicable template are refused (scoring.md v2 "Communication"). */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { DrillHarness } from '../../support/drill-harness';

const roles = `
id: templates
title: Templates
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: status-page, name: Status page, audience: true, template: public }
`;

const withTemplates = `${roles}
templates:
  escalation: [situation, ask]
  handoff: [current_state, owner]
  public: [what_happened, next_update]
`;

const refusal = (yaml: string, action: Action) => {
  const harness = DrillHarness.started(yaml).advanceTo('1m');
  const length = harness.drill.log.length;
  const outcome = harness.act(action);
  expect(harness.drill.log).toHaveLength(length);
  return outcome;
};

describe('when a message has a field outside its template', () => {
  it.each<{ case: string; action: Action; error: string }>([
    {
      case: 'an escalation to a role with a template: that template',
      action: {
        type: 'escalate',
        from: 'ic',
        to: 'status-page',
        channel: 'email',
        message: { what_happened: 'Down', next_updaet: '30m' },
      },
      error: 'field "next_updaet" not in the public template (fields: what_happened, next_update)',
    },
    {
      case: 'an escalation to a role without one: escalation',
      action: {
        type: 'escalate',
        from: 'oncall',
        to: 'ic',
        channel: 'page',
        message: { situation: 'Down', impact: 'All checkouts' },
      },
      error: 'field "impact" not in the escalation template (fields: situation, ask)',
    },
    {
      case: 'an escalation to a role with a template, written to the escalation template',
      action: {
        type: 'escalate',
        from: 'ic',
        to: 'status-page',
        channel: 'email',
        message: { situation: 'Down' },
      },
      error: 'field "situation" not in the public template',
    },
    {
      case: 'a handoff: handoff',
      action: {
        type: 'handoff',
        from: 'oncall',
        to: 'ic',
        message: { current_state: 'Failing over', ownr: 'ic' },
      },
      error: 'field "ownr" not in the handoff template (fields: current_state, owner)',
    },
    {
      case: 'a spoken message covering a field outside the template',
      action: {
        type: 'escalate',
        from: 'oncall',
        to: 'ic',
        channel: 'page',
        covered: ['situation', 'impact', 'risks'],
      },
      error: 'fields "impact", "risks" not in the escalation template',
    },
  ])('refuses $case with 400 naming its fields', ({ action, error }) => {
    const outcome = refusal(withTemplates, action);
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(!outcome.ok && outcome.error).toContain(error);
  });
});

describe('when every field is in the template', () => {
  it('records the escalation and the handoff', () => {
    const harness = DrillHarness.started(withTemplates).advanceTo('1m');
    harness.expectOk({
      type: 'escalate',
      from: 'ic',
      to: 'status-page',
      channel: 'email',
      message: { what_happened: 'Down', next_update: '30m' },
    });
    harness.expectOk({
      type: 'handoff',
      from: 'oncall',
      to: 'ic',
      message: { current_state: 'Failing over' },
      covered: ['owner'],
    });
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
    expect(harness.entries('handoff.recorded')).toHaveLength(1);
  });
});

describe('when no template applies', () => {
  it('accepts any fields on an escalation and a handoff', () => {
    const harness = DrillHarness.started(
      `${roles}\ntemplates:\n  public: [what_happened]\n`,
    ).advanceTo('1m');
    harness.expectOk({
      type: 'escalate',
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      message: { anything: 'goes', next_updaet: 'soon' },
    });
    harness.expectOk({ type: 'handoff', from: 'oncall', to: 'ic', message: { whatever: 'x' } });
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
    expect(harness.entries('handoff.recorded')).toHaveLength(1);
  });
});
