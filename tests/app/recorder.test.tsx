// @vitest-environment happy-dom
/** The recorder for what is said out loud: stamped when opened, covered fields as checkboxes. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Recorder } from '../../src/app/console/recorder';
import type { PageView } from '../../src/engine/projection/projection-views';
import { baseScenario, scenarioFrom } from '../support/drill-harness';

afterEach(cleanup);
const scenario = scenarioFrom(baseScenario);

describe('the recorder', () => {
  it('records an escalation at the moment it was opened, with the fields the speaker covered', () => {
    const act = vi.fn();
    render(
      <Recorder
        kind="escalation"
        scenario={scenario}
        openedAtMs={95_500}
        pages={[]}
        act={act}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading').textContent).toContain('T+01:35');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: 'oncall' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: 'ic' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'phone' } });
    fireEvent.click(screen.getByLabelText('situation'));
    fireEvent.click(screen.getByLabelText('ask'));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({
      at: '95.5s',
      escalate: { from: 'oncall', to: 'ic', channel: 'phone', covered: ['situation', 'ask'] },
    });
  });

  it('shows the level of each role on its escalation path', () => {
    render(
      <Recorder
        kind="escalation"
        scenario={scenario}
        openedAtMs={0}
        pages={[]}
        act={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('option', { name: 'Incident commander (engineering level 3)' }),
    ).toBeTruthy();
  });

  it('records an acknowledgement heard in the room for an open page', () => {
    const act = vi.fn();
    const page: PageView = {
      seq: 7,
      drillMs: 1000,
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      delivered: true,
      undelivered: null,
      system: false,
      via: null,
      message: {},
      covered: [],
      ackSeq: null,
      ackedAtMs: null,
      retracted: false,
    };
    render(
      <Recorder
        kind="escalation"
        scenario={scenario}
        openedAtMs={60_000}
        pages={[page]}
        act={act}
        onClose={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Incident commander acknowledged page 7' }));
    expect(act).toHaveBeenCalledWith({ at: '60s', ack: { by: 'ic', escalation: 7 } });
  });

  it('takes a note from the facilitator', () => {
    const act = vi.fn();
    render(
      <Recorder
        kind="note"
        scenario={scenario}
        openedAtMs={30_000}
        pages={[]}
        act={act}
        onClose={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText('Note'), {
      target: { value: 'Team hesitated before paging' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({
      at: '30s',
      note: { by: 'facilitator', text: 'Team hesitated before paging' },
    });
  });
});
