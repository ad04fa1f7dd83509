import { formatDuration } from '../../scenario/duration';
import { authorityText } from '../../scenario/guide/scenario-names';
import type { Scenario } from '../../scenario/types';
import { InlineCode } from './inline-code';

/** Who plays what: each role with its authority and its checklists, then the paths. */
export function ScenarioRoles({ scenario }: { scenario: Scenario }) {
  const roleName = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  return (
    <>
      <h2>Roles</h2>
      <ul className="roles">
        {scenario.roles.map((role) => (
          <li key={role.id}>
            <strong>{role.name}</strong> <code>{role.id}</code>
            {role.npc ? <span className="badge badge-npc">played by the simulator</span> : null}
            {role.audience ? <span className="badge badge-npc">audience</span> : null}
            {role.authority.length > 0 ? (
              <span className="muted"> — decides: {authorityText(scenario, role.authority)}</span>
            ) : null}
            {scenario.checklists
              .filter((checklist) => checklist.role === role.id)
              .map((checklist) => (
                <div key={checklist.id} className="role-checklist">
                  <span className="muted">Checklist: {checklist.title}</span>
                  <ol>
                    {checklist.items.map((item) => (
                      <li key={item}>
                        <InlineCode text={item} />
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
          </li>
        ))}
      </ul>

      <h2>Escalation paths</h2>
      <div className="ladders">
        {scenario.escalationPaths.map((path) => (
          <section key={path.id} className="ladder" aria-label={`Escalation path ${path.id}`}>
            <h3>
              {path.id}{' '}
              {path.autoAdvance ? <span className="badge badge-auto">auto-advance</span> : null}
            </h3>
            <ol reversed>
              {[...path.levels].reverse().map((level) => (
                <li key={level.role}>
                  {roleName(level.role)}{' '}
                  <span className="muted">acks within {formatDuration(level.ackWithinMs)}</span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}
