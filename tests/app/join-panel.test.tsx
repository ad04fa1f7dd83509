// @vitest-environment happy-dom
/**
 * The console's join panel: the QR link is the server's joinUrl (never this page's address),
 * people show with their roles by name and presence in words, and Release asks first.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JoinPanel } from '../../src/app/console/join-panel';
import type { DrillSnapshot, Participant } from '../../src/protocol/drill-snapshot';

afterEach(cleanup);

const snapshotWith = (participants: readonly Participant[]): DrillSnapshot => ({
  drill: {
    id: 'd1',
    team: 'Blue',
    status: 'briefing',
    speed: 1,
    joinCode: '123456',
    joinUrl: 'http://192.0.2.2:8080/join/123456',
  },
  audience: 'facilitator',
  scenario: {
    id: 's',
    title: 'S',
    summary: '',
    mode: 'tabletop',
    severities: ['SEV1', 'SEV2'],
    channels: null,
    durationMs: 60_000,
    roles: [
      { id: 'oncall', name: 'Primary on-call SRE', npc: false, audience: false, template: null },
      { id: 'ic', name: 'Incident commander', npc: false, audience: false, template: null },
    ],
    escalationPaths: [],
    templates: { escalation: null, handoff: null, named: {} },
    checklists: [],
    story: null,
  },
  fullScenario: null,
  entries: [],
  seq: 0,
  serverWallMs: 0,
  participants,
  you: null,
});

describe('when the console shows the room', () => {
  it('links the address phones reach, not the one this page was opened at', () => {
    render(<JoinPanel snapshot={snapshotWith([])} drillId="d1" over={false} act={() => {}} />);
    const link = document.querySelector('a[href="http://192.0.2.2:8080/join/123456"]');
    expect(link?.textContent).toBe('http://192.0.2.2:8080/join/123456');
    expect(document.body.textContent).not.toContain(window.location.origin);
  });

  it('names each role and says in words who is connected', () => {
    render(
      <JoinPanel
        snapshot={snapshotWith([
          { name: 'Ana', roles: ['oncall'], connected: false },
          { name: 'Ben', roles: ['ic'], connected: true },
        ])}
        drillId="d1"
        over={false}
        act={() => {}}
      />,
    );
    const rows = [...document.querySelectorAll('.room-participants > li')].map(
      (row) => row.textContent,
    );
    expect(rows).toEqual([
      'Ana not connectedPrimary on-call SRE Release',
      'Ben connectedIncident commander Release',
    ]);
  });

  it('releases a role only once the dialog is confirmed', () => {
    const act = vi.fn();
    render(
      <JoinPanel
        snapshot={snapshotWith([{ name: 'Ana', roles: ['oncall'], connected: false }])}
        drillId="d1"
        over={false}
        act={act}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Release Primary on-call SRE from Ana' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(act).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Release Primary on-call SRE from Ana' }));
    fireEvent.click(screen.getByRole('button', { name: 'Release Primary on-call SRE' }));
    expect(act).toHaveBeenCalledExactlyOnceWith({ release_role: { role: 'oncall' } });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no Release once the drill is over', () => {
    render(
      <JoinPanel
        snapshot={snapshotWith([{ name: 'Ana', roles: ['oncall'], connected: true }])}
        drillId="d1"
        over
        act={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: /^Release/ })).toBeNull();
  });
});
