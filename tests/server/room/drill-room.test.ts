/** Presence and roles in one drill's room (drill-room.ts), without sockets or a server. */
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../../src/protocol/drill-snapshot';
import { DrillRoom } from '../../../src/server/drill-room';

const ana = { tokenHash: 'a', drillId: 'd', name: 'Ana', roles: ['oncall', 'ic'], joinedWallMs: 1 };

function roomHeard() {
  const room = new DrillRoom([ana]);
  const heard: (readonly Participant[])[] = [];
  room.onChange((participants) => heard.push(participants));
  return { room, heard };
}

describe('when sockets with one token open and close', () => {
  it('tells the room on the first open and the last close only', () => {
    const { room, heard } = roomHeard();
    const phone = room.connect('a');
    const tab = room.connect('a');
    expect(heard.map((list) => list[0]?.connected)).toEqual([true]);
    phone();
    phone(); // closing one socket twice (close and error) counts once
    expect(heard.map((list) => list[0]?.connected)).toEqual([true]);
    tab();
    expect(heard.map((list) => list[0]?.connected)).toEqual([true, false]);
    expect(room.view()).toEqual([{ name: 'Ana', roles: ['oncall', 'ic'], connected: false }]);
  });
});

describe('when a role is released', () => {
  it('frees it, tells the holder first and then the room, and marks the token renumbered', () => {
    const { room, heard } = roomHeard();
    const order: string[] = [];
    room.onRolesChanged((tokenHash) => order.push(`holder ${tokenHash}`));
    room.onChange(() => order.push('room'));
    expect(room.holderOf('oncall')?.name).toBe('Ana');
    room.setRoles('a', ['ic']);
    expect(order).toEqual(['holder a', 'room']);
    expect(room.holderOf('oncall')).toBeUndefined();
    expect([...room.takenRoles()]).toEqual(['ic']);
    expect(heard.at(-1)).toEqual([{ name: 'Ana', roles: ['ic'], connected: false }]);
    expect(room.wasRenumbered('a')).toBe(true);
    expect(room.wasRenumbered('b')).toBe(false);
  });
});
