// @vitest-environment happy-dom
/**
 * The pager's top: a page to the person's role with its own Acknowledge (sent as `ack` with
 * the page's number), a surprise until seen, "Paused", and "Drill ended" with the scorecard.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberParticipantToken } from '../../src/app/api/credentials';
import { ParticipantView } from '../../src/app/participant/participant-view';
import type { VisibleEntry } from '../../src/protocol/drill-snapshot';
import { FakeSocket } from './support/fake-socket';
import { entry, pagerSnapshot, started, systemPage } from './support/pager-drill';

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  rememberParticipantToken('d1', 'tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openPager(entries: readonly VisibleEntry[]): FakeSocket {
  render(<ParticipantView drillId="d1" onLeave={vi.fn()} />);
  const socket = FakeSocket.latest();
  act(() => {
    socket.open();
    socket.receive({ type: 'snapshot', snapshot: pagerSnapshot(entries) });
  });
  return socket;
}
const attention = () => screen.getByLabelText('Needs your attention');

describe('when an alert pages the role', () => {
  it('shows the alert at the top with an Acknowledge that sends ack for that page', () => {
    const socket = openPager([started, systemPage(2)]);
    const page = within(attention()).getByRole('alert');
    expect(page.textContent).toContain('PostgreSQLDown: db1 is down');
    fireEvent.click(within(page).getByRole('button', { name: 'Acknowledge' }));
    expect(socket.actions()).toEqual([{ ack: { by: 'oncall', escalation: 2 } }]);
    expect(within(page).getByRole('button', { name: 'Acknowledging…' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('clears the page once the acknowledgement is in the log', () => {
    const socket = openPager([started, systemPage(2)]);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    act(() => {
      socket.receive({ type: 'ack', id: socket.lastActionId(), seq: 3, duplicate: false });
      socket.receive({
        type: 'entries',
        seq: 3,
        entries: [
          entry(3, 'acknowledgement.recorded', { by: 'oncall', escalation: 2, automatic: false }),
        ],
      });
    });
    expect(screen.queryByLabelText('Needs your attention')).toBeNull();
  });

  it('gives each open page its own Acknowledge', () => {
    const socket = openPager([started, systemPage(2), systemPage(3, 'Disk full on db2')]);
    const buttons = screen.getAllByRole('button', { name: /Acknowledge/ });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1] as HTMLElement);
    expect(socket.actions()).toEqual([{ ack: { by: 'oncall', escalation: 3 } }]);
  });

  it('vibrates for a page that arrives, not for one open when the phone loaded', () => {
    const vibrate = vi.fn();
    vi.stubGlobal('navigator', { ...navigator, vibrate });
    const socket = openPager([started, systemPage(2)]);
    expect(vibrate).not.toHaveBeenCalled();
    act(() => socket.receive({ type: 'entries', seq: 3, entries: [systemPage(3, 'Disk full')] }));
    expect(vibrate).toHaveBeenCalledTimes(1);
  });
});

describe('when a team member escalates to the role', () => {
  it('shows who paged and the message as labelled fields', () => {
    openPager([
      started,
      entry(2, 'escalation.recorded', {
        from: 'ic',
        to: 'oncall',
        channel: 'phone',
        delivered: true,
        undelivered: null,
        system: false,
        via: null,
        message: { situation: 'Checkout is down', ask: 'Join the bridge' },
        covered: [],
      }),
    ]);
    const page = within(attention()).getByRole('alert');
    expect(page.textContent).toContain('Page from Incident commander (phone)');
    expect(page.textContent).toContain('Situation: Checkout is down');
    expect(page.textContent).toContain('Ask: Join the bridge');
  });
});

describe('when a surprise fires', () => {
  it('shows it at the top until the person says they saw it', () => {
    openPager([
      started,
      entry(
        2,
        'inject.fired',
        { inject: 'vp-calls', cause: 'schedule' },
        {
          inject: {
            id: 'vp-calls',
            kind: 'surprise',
            title: 'The VP calls you',
            body: 'She wants numbers.',
            from: null,
            to: null,
            metric: null,
          },
        },
      ),
    ]);
    expect(attention().textContent).toContain('Surprise: The VP calls you');
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByLabelText('Needs your attention')).toBeNull();
  });
});

describe('when the drill is paused', () => {
  it('says Paused at the top, and why', () => {
    openPager([started, entry(2, 'drill.paused', { reason: 'phase' })]);
    expect(attention().textContent).toContain('Paused');
    expect(attention().textContent).toContain('Paused for discussion');
  });
});

describe('when the drill has ended', () => {
  it('says so at the top with a link to the scorecard, and no Acknowledge', () => {
    openPager([started, systemPage(2), entry(3, 'drill.ended', {})]);
    expect(attention().textContent).toContain('Drill ended');
    expect(screen.getByRole('link', { name: 'See the scorecard' }).getAttribute('href')).toBe(
      '/drills/d1/scorecard',
    );
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });
});
