// @vitest-environment happy-dom
/**
 * The pager's states beside running: waiting for the start (what the drill is and whom the
 * person plays), released (no role any more: "Join again"), and a connection refused for good.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberParticipantToken } from '../../src/app/api/credentials';
import { ParticipantView } from '../../src/app/participant/participant-view';
import { FakeSocket } from './support/fake-socket';
import { entry, pagerSnapshot, started } from './support/pager-drill';

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  rememberParticipantToken('d1', 'tok');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('before the facilitator starts the drill', () => {
  it('says it is waiting, with the scenario, the role by name and what it does', () => {
    render(<ParticipantView drillId="d1" onLeave={vi.fn()} />);
    const socket = FakeSocket.latest();
    act(() => {
      socket.open();
      socket.receive({ type: 'snapshot', snapshot: pagerSnapshot([]) });
    });
    const waiting = screen.getByText('Waiting for the facilitator to start the drill');
    const card = waiting.parentElement;
    expect(card?.textContent).toContain('The pager drill');
    expect(card?.textContent).toContain('You are On-call engineer.');
    expect(card?.textContent).toContain('escalate to Incident commander');
    expect(card?.textContent).toContain('Your checklist: Triage (2 items).');
    expect(screen.getByRole('button', { name: 'Escalate' })).toHaveProperty('disabled', true);
  });

  it('shows the role name and the person in the header, not the role id', () => {
    render(<ParticipantView drillId="d1" onLeave={vi.fn()} />);
    const socket = FakeSocket.latest();
    act(() => {
      socket.open();
      socket.receive({ type: 'snapshot', snapshot: pagerSnapshot([started]) });
    });
    const header = document.querySelector('.participant-head');
    expect(header?.textContent).toContain('On-call engineer');
    expect(header?.textContent).toContain('Ana');
    expect(header?.textContent).not.toContain('oncall');
  });
});

describe('when the facilitator released the role', () => {
  it('says so and offers to join again, to the join page with the code', () => {
    const onLeave = vi.fn();
    render(<ParticipantView drillId="d1" joinHref="/join/123456" onLeave={onLeave} />);
    const socket = FakeSocket.latest();
    act(() => {
      socket.open();
      socket.receive({ type: 'snapshot', snapshot: pagerSnapshot([started]) });
      // release_role: a fresh snapshot whose `you.roles` is empty
      socket.receive({
        type: 'snapshot',
        snapshot: pagerSnapshot([started], { name: 'Ana', roles: [] }),
      });
    });
    expect(
      screen.getByText('The facilitator released your role so another phone can take it'),
    ).toBeTruthy();
    const again = screen.getByRole('link', { name: 'Join again' });
    expect(again.getAttribute('href')).toBe('/join/123456');
    fireEvent.click(again);
    expect(onLeave).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Escalate' })).toBeNull();
  });
});

describe('when the drill has ended', () => {
  it('keeps the feed below and turns the actions off', () => {
    render(<ParticipantView drillId="d1" onLeave={vi.fn()} />);
    const socket = FakeSocket.latest();
    act(() => {
      socket.open();
      socket.receive({
        type: 'snapshot',
        snapshot: pagerSnapshot([started, entry(2, 'drill.ended', {})]),
      });
    });
    expect(screen.getByRole('button', { name: 'Escalate' })).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Drill feed').textContent).toContain('Drill ended');
  });
});

describe('when the server refuses this phone for good', () => {
  it('says so in plain words, without the server’s text', () => {
    render(<ParticipantView drillId="d1" onLeave={vi.fn()} />);
    act(() => FakeSocket.latest().drop(4401));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This phone can no longer follow the drill');
    expect(alert.textContent).not.toMatch(/token|4401/);
  });
});
