/** templateFor: the one rule for which template a message is judged against (scoring.md v2). */
import { describe, expect, it } from 'vitest';
import { templateFor } from '../../../src/scenario/templates';
import { scenarioFrom } from '../../support/drill-harness';

const roles = `
id: t
title: T
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: status-page, name: Status page, audience: true, template: public }
  - { id: exec, name: Executive, template: brief }
`;
const full = scenarioFrom(`${roles}
templates:
  escalation: [situation, ask]
  handoff: [current_state, owner]
  public: [what_happened, next_update]
  brief: [summary]
`);
const onlyNamed = scenarioFrom(`${roles}
templates:
  public: [what_happened]
  brief: [summary]
`);

describe('when choosing the template of a message', () => {
  it.each([
    { to: 'status-page', name: 'public', fields: ['what_happened', 'next_update'] },
    { to: 'exec', name: 'brief', fields: ['summary'] },
    { to: 'oncall', name: 'escalation', fields: ['situation', 'ask'] },
  ])('judges an escalation to $to against $name', ({ to, name, fields }) => {
    expect(templateFor(full, { kind: 'escalation', to })).toEqual({ name, fields });
  });

  it('judges every handoff against handoff', () => {
    expect(templateFor(full, { kind: 'handoff' })).toEqual({
      name: 'handoff',
      fields: ['current_state', 'owner'],
    });
  });

  it('gives null when the template that applies is not defined', () => {
    expect(templateFor(onlyNamed, { kind: 'escalation', to: 'oncall' })).toBeNull();
    expect(templateFor(onlyNamed, { kind: 'handoff' })).toBeNull();
    expect(templateFor(onlyNamed, { kind: 'escalation', to: 'status-page' })?.name).toBe('public');
  });
});
