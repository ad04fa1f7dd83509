// @vitest-environment happy-dom
/**
 * Optimistic checklist ticks: a tap ticks at once and says "sending" until the server has it,
 * keeps its tick until the entry arrives, goes back with plain words when refused, and a
 * second tap while pending neither errors nor shows the server's text.
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
  window.localStorage.removeItem('firedrill.pager.d1.checklistsOpen');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openPager(): FakeSocket {
  render(<ParticipantView drillId="d1" onLeave={vi.fn()} />);
  const socket = FakeSocket.latest();
  act(() => {
    socket.open();
    socket.receive({ type: 'snapshot', snapshot: pagerSnapshot([started]) });
  });
  return socket;
}
const box = () => screen.getByRole('checkbox', { name: /Look at the dashboards/ });
const checked = { checklist: 'triage', item: 0, by: 'oncall' };

describe('when a checklist item is tapped', () => {
  it('ticks at once and says sending until the server acknowledges it', () => {
    const socket = openPager();
    fireEvent.click(box());
    expect(box()).toHaveProperty('checked', true);
    expect(box().parentElement?.textContent).toContain('sending…');
    act(() => socket.receive({ type: 'ack', id: socket.lastActionId(), seq: 2, duplicate: false }));
    expect(box()).toHaveProperty('checked', true);
    expect(box().parentElement?.textContent).not.toContain('sending');
    act(() =>
      socket.receive({
        type: 'entries',
        seq: 2,
        entries: [entry(2, 'checklist.checked', checked)],
      }),
    );
    expect(box()).toHaveProperty('checked', true);
  });

  it('goes back with plain words when the server refuses it', () => {
    const socket = openPager();
    fireEvent.click(box());
    act(() =>
      socket.receive({
        type: 'refused',
        id: socket.lastActionId(),
        status: 409,
        error: 'the drill is not running (paused: false)',
      }),
    );
    expect(box()).toHaveProperty('checked', false);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your tick was not recorded');
    expect(alert.textContent).not.toMatch(/409|running \(/);
  });

  it('takes a second tap while pending as an untick, sent after the tick', () => {
    const socket = openPager();
    fireEvent.click(box());
    const first = socket.lastActionId();
    fireEvent.click(box());
    const second = socket.lastActionId();
    expect(box()).toHaveProperty('checked', false);
    expect(socket.actions()).toEqual([{ check: checked }, { uncheck: checked }]);
    act(() => {
      socket.receive({ type: 'ack', id: first, seq: 2, duplicate: false });
      socket.receive({ type: 'ack', id: second, seq: 3, duplicate: false });
      socket.receive({
        type: 'entries',
        seq: 3,
        entries: [entry(2, 'checklist.checked', checked), entry(3, 'checklist.unchecked', checked)],
      });
    });
    expect(box()).toHaveProperty('checked', false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing when the item was already as tapped (someone else ticked it first)', () => {
    const socket = openPager();
    fireEvent.click(box());
    act(() => {
      socket.receive({
        type: 'entries',
        seq: 2,
        entries: [entry(2, 'checklist.checked', checked)],
      });
      socket.receive({
        type: 'refused',
        id: socket.lastActionId(),
        status: 409,
        error: 'item 0 of "triage" is already checked',
      });
    });
    expect(box()).toHaveProperty('checked', true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toContain('already');
  });
});

describe('when the checklists are folded away', () => {
  it('remembers the choice on this phone', () => {
    openPager();
    fireEvent.click(screen.getByRole('button', { name: /Checklist/ }));
    expect(screen.queryByRole('checkbox')).toBeNull();
    cleanup();
    openPager();
    expect(screen.getByRole('button', { name: /Checklist/ }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
