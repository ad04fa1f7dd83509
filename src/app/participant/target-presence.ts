/**
 * Who is behind a role the phone can escalate to: a person in the room (and whether their
 * phone is connected now), the simulator, a publication audience, or nobody yet.
 */
import type { Participant, PublicScenario } from '../../protocol/drill-snapshot';

type ScenarioRole = PublicScenario['roles'][number];

export function targetPresence(role: ScenarioRole, participants: readonly Participant[]): string {
  if (role.audience) return 'an audience: a published message, nobody answers';
  if (role.npc) return 'simulated: the drill answers for it';
  const holders = participants.filter((participant) => participant.roles.includes(role.id));
  const here = holders.filter((holder) => holder.connected);
  if (here.length > 0) return `in the room: ${here.map((holder) => holder.name).join(', ')}`;
  if (holders.length > 0)
    return `${holders.map((holder) => holder.name).join(', ')}, phone not connected now`;
  return 'nobody holds it: the facilitator answers';
}

/** The default target: the next level up the role's first path, else the first other person. */
export function nextLevelUp(scenario: PublicScenario, from: string): string {
  for (const path of scenario.escalationPaths) {
    const at = path.levels.findIndex((level) => level.role === from);
    const up = at === -1 ? undefined : path.levels[at + 1];
    if (up) return up.role;
  }
  return scenario.roles.find((role) => role.id !== from && !role.audience)?.id ?? '';
}
