import type { PublicScenario } from '../../protocol/drill-snapshot';

/** Before the start: what the drill is, who the person plays in it, and what that role does. */
export function WaitingCard({
  scenario,
  roles,
}: {
  scenario: PublicScenario;
  roles: readonly string[];
}) {
  return (
    <div className="attention-card attention-waiting" role="status">
      <strong>Waiting for the facilitator to start the drill</strong>
      <p className="waiting-title">{scenario.title}</p>
      {roles.map((role) => (
        <div key={role} className="role-brief">
          <p>
            You are <strong>{roleName(scenario, role)}</strong>.
          </p>
          <ul>
            {roleDuties(scenario, role).map((duty) => (
              <li key={duty}>{duty}</li>
            ))}
          </ul>
        </div>
      ))}
      <p className="muted">
        Keep this screen open. Pages for you will appear at the top with an Acknowledge button.
      </p>
    </div>
  );
}

/** After the facilitator released the person's only role (a lost phone came back as another). */
export function ReleasedCard({
  joinHref,
  onJoinAgain,
}: {
  joinHref: string;
  onJoinAgain: () => void;
}) {
  return (
    <div className="attention-card attention-released" role="status">
      <strong>The facilitator released your role so another phone can take it</strong>
      <p>This phone no longer acts for it. If you still take part, join again and pick a role.</p>
      <a
        className="button-link primary"
        href={joinHref}
        onClick={(event) => {
          event.preventDefault();
          onJoinAgain();
        }}
      >
        Join again
      </a>
    </div>
  );
}

export function roleName(scenario: PublicScenario, role: string): string {
  return scenario.roles.find((candidate) => candidate.id === role)?.name ?? role;
}

/** What a role does in this scenario, from its place on the paths and its checklists. */
export function roleDuties(scenario: PublicScenario, role: string): string[] {
  const duties: string[] = [];
  for (const path of scenario.escalationPaths) {
    const at = path.levels.findIndex((level) => level.role === role);
    if (at === -1) continue;
    const up = path.levels[at + 1];
    const place =
      at === 0
        ? `You are paged first on the ${path.id} path`
        : `You are level ${at + 1} of the ${path.id} path`;
    duties.push(
      up
        ? `${place}; escalate to ${roleName(scenario, up.role)} when you need more.`
        : `${place}, its last level: the buck stops with you.`,
    );
  }
  for (const checklist of scenario.checklists)
    if (checklist.role === role)
      duties.push(`Your checklist: ${checklist.title} (${checklist.items.length} items).`);
  if (duties.length === 0) duties.push('You take part in the discussion and act when asked.');
  return duties;
}
