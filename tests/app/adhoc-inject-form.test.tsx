// @vitest-environment happy-dom
/**
 * Issue 15: the console's ad-hoc inject offers only roles somebody plays (no audience) and
 * may carry one of the format's effects.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamRecorder } from '../../src/app/console/team-recorder';
import { scenarioFrom } from '../support/drill-harness';

afterEach(cleanup);

const scenario = scenarioFrom(`
id: adhoc-form
title: Ad-hoc form
duration: 1h
severities: [SEV1, SEV2]
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: status-page, name: Status page, audience: true }
escalation_paths:
  - id: engineering
    levels: [{ role: oncall, ack_within: 5m }, { role: ic, ack_within: 10m }]
`);

function openForm() {
  const act = vi.fn();
  render(
    <TeamRecorder
      kind="adhoc"
      scenario={scenario}
      openedAtMs={60_000}
      checklists={new Map()}
      act={act}
      onClose={vi.fn()}
    />,
  );
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Your phone died' } });
  return act;
}

describe('when the facilitator picks whom an ad-hoc inject is for', () => {
  it('offers the roles people play and not the audience', () => {
    openForm();
    const to = screen.getByRole('group', { name: /^To/ });
    expect(
      within(to)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['On-call', 'Incident commander']);
  });
});

describe('when an ad-hoc inject carries an effect', () => {
  it.each([
    {
      effect: 'A role is unavailable',
      target: { label: 'Role', value: 'oncall' },
      minutes: '10',
      sent: [{ unavailable: 'oncall', for: '10m' }],
    },
    {
      effect: 'A channel is down',
      target: { label: 'Channel', value: 'chat' },
      minutes: '',
      sent: [{ channel_down: 'chat' }],
    },
    {
      effect: 'The severity changes',
      target: { label: 'Severity', value: 'SEV1' },
      minutes: null,
      sent: [{ severity: 'SEV1' }],
    },
  ])('sends "$effect" in the format’s syntax', ({ effect, target, minutes, sent }) => {
    const act = openForm();
    fireEvent.change(screen.getByLabelText('Effect'), {
      target: {
        value: ['unavailable', 'channel_down', 'severity'][
          ['A role is unavailable', 'A channel is down', 'The severity changes'].indexOf(effect)
        ],
      },
    });
    fireEvent.change(screen.getByLabelText(target.label), { target: { value: target.value } });
    if (minutes !== null)
      fireEvent.change(screen.getByLabelText(/^For/), { target: { value: minutes } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to everyone' }));
    expect(act).toHaveBeenCalledWith({
      adhoc_inject: { kind: 'message', title: 'Your phone died', body: '', effects: sent },
    });
  });

  it('offers no audience as the role made unavailable, and no experiment at all', () => {
    openForm();
    fireEvent.change(screen.getByLabelText('Effect'), { target: { value: 'unavailable' } });
    const roles = within(screen.getByLabelText('Role')).getAllByRole('option');
    expect(roles.map((option) => option.textContent)).toEqual(['On-call', 'Incident commander']);
    const effects = within(screen.getByLabelText('Effect')).getAllByRole('option');
    expect(effects.map((option) => option.textContent)).toEqual([
      'None',
      'A role is unavailable',
      'A channel is down',
      'The severity changes',
    ]);
  });
});
