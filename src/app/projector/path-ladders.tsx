import type { PublicScenario } from '../../protocol/drill-snapshot';
import type { PageView } from '../../engine/projection/projection-views';

/** Each escalation path as a ladder; a level lights up when paged, and again when it answers. */
export function PathLadders({
  scenario,
  pages,
}: {
  scenario: PublicScenario;
  pages: readonly PageView[];
}) {
  const live = pages.filter((page) => !page.retracted);
  const stateOf = (role: string) => {
    const toRole = live.filter((page) => page.to === role);
    if (toRole.some((page) => page.ackedAtMs !== null)) return 'acknowledged';
    if (toRole.some((page) => page.delivered)) return 'paged';
    if (toRole.length > 0) return 'unanswered';
    return 'quiet';
  };
  const labels = {
    acknowledged: '✔ acknowledged',
    paged: '● paged',
    unanswered: '✖ no answer',
    quiet: '',
  } as const;
  return (
    <div className="ladders projector-ladders">
      {scenario.escalationPaths.map((path) => (
        <section key={path.id} className="ladder" aria-label={`Escalation path ${path.id}`}>
          <h2>{path.id}</h2>
          <ol reversed>
            {[...path.levels].reverse().map((level) => {
              const state = stateOf(level.role);
              return (
                <li key={level.role} className={`level level-${state}`} data-state={state}>
                  <span>
                    {scenario.roles.find((role) => role.id === level.role)?.name ?? level.role}
                  </span>
                  <span className="level-state">{labels[state]}</span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
