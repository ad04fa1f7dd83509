// @vitest-environment happy-dom
/**
 * Audiences in the forms that send messages: listed as targets (marked), the fields of the
 * template that applies to the target, and never a speaker or an acknowledger.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandoffForm } from '../../src/app/console/handoff-form';
import { Recorder } from '../../src/app/console/recorder';
import { EscalateForm } from '../../src/app/participant/escalate-form';
import type { PageView } from '../../src/engine/projection/projection-views';
import { publicScenario } from '../../src/server/visibility';
import { scenarioFrom } from '../support/drill-harness';

afterEach(cleanup);

const scenario = scenarioFrom(`
id: audiences
title: Audiences
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: status-page, name: Status page, audience: true, template: public }
templates:
  escalation: [situation, ask]
  handoff: [current_state, owner]
  public: [what_happened, next_update]
`);
const forPhone = publicScenario(scenario, { audience: 'participant', roles: ['ic'] });

describe('the phone escalate form', () => {
  it('lists the audience as a marked target and asks for its own template fields', () => {
    const act = vi.fn();
    render(<EscalateForm scenario={forPhone} roles={['ic']} act={act} onClose={vi.fn()} />);
    expect(screen.getByRole('option', { name: /^Status page — an audience/ })).toBeTruthy();
    expect(screen.getByLabelText('Situation')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Escalate to'), { target: { value: 'status-page' } });
    expect(screen.queryByLabelText('Situation')).toBeNull();
    fireEvent.change(screen.getByLabelText('What happened'), { target: { value: 'Down' } });
    fireEvent.change(screen.getByLabelText('Next update'), { target: { value: '30m' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send escalation' }));
    expect(act).toHaveBeenCalledWith({
      escalate: {
        from: 'ic',
        to: 'status-page',
        channel: 'page',
        message: { what_happened: 'Down', next_update: '30m' },
      },
    });
  });

  it('offers no audience to hand off to', () => {
    render(
      <EscalateForm
        kind="handoff"
        scenario={forPhone}
        roles={['ic']}
        act={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.queryByRole('option', { name: /Status page/ })).toBeNull();
    expect(screen.getByLabelText('Current state')).toBeTruthy();
  });
});

describe('the console recorder', () => {
  const openPage = (to: string, seq: number): PageView => ({
    seq,
    drillMs: 1000,
    from: 'ic',
    to,
    channel: 'email',
    delivered: true,
    undelivered: null,
    system: false,
    via: null,
    message: {},
    covered: [],
    ackSeq: null,
    ackedAtMs: null,
    retracted: false,
  });

  it('marks the audience, covers its template and files what was said under its first field', () => {
    const act = vi.fn();
    render(
      <Recorder
        kind="escalation"
        scenario={scenario}
        openedAtMs={60_000}
        pages={[openPage('status-page', 4), openPage('oncall', 5)]}
        act={act}
        onClose={vi.fn()}
      />,
    );
    expect(
      within(screen.getByLabelText('From')).queryByRole('option', { name: /Status/ }),
    ).toBeNull();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: 'status-page' } });
    expect(screen.getByRole('option', { name: 'Status page (audience)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Status page acknowledged/ })).toBeNull();
    expect(screen.getByRole('button', { name: /On-call acknowledged page 5/ })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('next update'));
    fireEvent.change(screen.getByLabelText('Or what was said (optional)'), {
      target: { value: 'Checkout is down' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({
      at: '60s',
      escalate: {
        from: 'oncall',
        to: 'status-page',
        channel: 'page',
        covered: ['next_update'],
        message: { what_happened: 'Checkout is down' },
      },
    });
  });
});

describe('the console team forms', () => {
  it('offer no audience as a role that acts or takes a handoff', () => {
    render(<HandoffForm scenario={scenario} stampedAtMs={0} act={vi.fn()} onClose={vi.fn()} />);
    for (const label of ['From', 'To'])
      expect(
        within(screen.getByLabelText(label)).queryByRole('option', { name: /Status/ }),
      ).toBeNull();
    expect(screen.getAllByRole('option', { name: 'Incident commander' })).toHaveLength(2);
  });
});
