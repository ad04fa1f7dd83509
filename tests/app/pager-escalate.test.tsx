// @vitest-environment happy-dom
/**
 * The phone's escalate form: the next level up by default, each target saying who is in the
 * room or simulated, the template's fields labelled and optional with hints; and messages in
 * the feed as labelled fields, not values run together.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EscalateForm } from '../../src/app/participant/escalate-form';
import { DrillFeed } from '../../src/app/components/drill-feed';
import { DrillProjection } from '../../src/engine/projection/drill-projection';
import { publicScenario } from '../../src/server/visibility';
import { entry, pagerScenario, started } from './support/pager-drill';

afterEach(cleanup);

const forOncall = publicScenario(pagerScenario, { audience: 'participant', roles: ['oncall'] });
const forIc = publicScenario(pagerScenario, { audience: 'participant', roles: ['ic'] });
const participants = [
  { name: 'Ana', roles: ['oncall'], connected: true },
  { name: 'Ben', roles: ['ic'], connected: true },
];

describe('the escalate form', () => {
  it('defaults to the next level up the role’s path', () => {
    render(
      <EscalateForm scenario={forOncall} roles={['oncall']} act={vi.fn()} onClose={vi.fn()} />,
    );
    expect((screen.getByLabelText('Escalate to') as HTMLSelectElement).value).toBe('ic');
    cleanup();
    render(<EscalateForm scenario={forIc} roles={['ic']} act={vi.fn()} onClose={vi.fn()} />);
    expect((screen.getByLabelText('Escalate to') as HTMLSelectElement).value).toBe('vp');
  });

  it('says for each target who is in the room and who is simulated', () => {
    render(
      <EscalateForm
        scenario={forOncall}
        roles={['oncall']}
        participants={participants}
        act={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('option', { name: 'Incident commander — in the room: Ben' }),
    ).toBeTruthy();
    expect(screen.getByRole('option', { name: /^VP Engineering — simulated/ })).toBeTruthy();
    expect(screen.getByText('Incident commander: in the room: Ben.')).toBeTruthy();
  });

  it('says when the holder’s phone is not connected', () => {
    render(
      <EscalateForm
        scenario={forOncall}
        roles={['oncall']}
        participants={[{ name: 'Ben', roles: ['ic'], connected: false }]}
        act={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('option', { name: 'Incident commander — Ben, phone not connected now' }),
    ).toBeTruthy();
  });

  it('labels each template field, with a hint, and sends only what was filled', () => {
    const act = vi.fn();
    render(<EscalateForm scenario={forOncall} roles={['oncall']} act={act} onClose={vi.fn()} />);
    const impact = screen.getByLabelText('Impact');
    expect(impact.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Who or what is affected, and how badly.')).toBeTruthy();
    expect(screen.getByText('Message — every field is optional')).toBeTruthy();
    fireEvent.change(impact, { target: { value: ' Checkout down ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send escalation' }));
    expect(act).toHaveBeenCalledWith({
      escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { impact: 'Checkout down' } },
    });
  });

  it('declares the severity picked from the scenario’s scale as it sends', () => {
    const act = vi.fn();
    render(<EscalateForm scenario={forOncall} roles={['oncall']} act={act} onClose={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Declare severity'), { target: { value: 'SEV2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send escalation' }));
    expect(act).toHaveBeenNthCalledWith(1, { declare: { severity: 'SEV2', by: 'oncall' } });
  });
});

describe('a message in the feed', () => {
  it('reads as labelled fields, one per line', () => {
    const projection = new DrillProjection(forOncall, { feed: true });
    projection.apply(started);
    projection.apply(
      entry(2, 'escalation.recorded', {
        from: 'oncall',
        to: 'ic',
        channel: 'page',
        delivered: true,
        undelivered: null,
        system: false,
        via: null,
        message: { situation: 'Checkout down', actions_taken: 'Rolled back' },
        covered: [],
      }),
    );
    render(<DrillFeed items={projection.view().feed} />);
    const lines = [...document.querySelectorAll('.message-fields > div')].map((line) =>
      line.textContent?.replace(/\s+/g, ' '),
    );
    expect(lines).toEqual(['Situation: Checkout down', 'Actions taken: Rolled back']);
    expect(document.body.textContent).not.toContain(' · ');
  });
});
