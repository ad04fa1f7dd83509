import type { DecisionCard } from '../../engine/score/scorecard';
import { formatDrillClock } from '../drill/drill-time';

/**
 * The decisions that stand, in the order they were taken: what was chosen, by whom, and
 * whether that role held the authority the decision needs (scoring.md, version 2).
 */
export function DecisionsTable({
  decisions,
  titleOf,
  roleName,
  onSelect,
}: {
  decisions: readonly DecisionCard[];
  titleOf: (decision: string) => string;
  roleName: (role: string) => string;
  onSelect: (title: string, seqs: readonly number[]) => void;
}) {
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">Decisions</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>At</th>
              <th>Decision</th>
              <th>Option</th>
              <th>Taken by</th>
              <th>Authorised</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((decision) => (
              <tr key={decision.seq}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelect(titleOf(decision.decision), [decision.seq])}
                  >
                    {formatDrillClock(decision.at_s * 1000)}
                  </button>
                </td>
                <td>{titleOf(decision.decision)}</td>
                <td>{decision.option ?? '—'}</td>
                <td>{roleName(decision.by)}</td>
                <td className={decision.authorised ? undefined : 'unauthorised'}>
                  {decision.authorised ? 'Yes' : 'No — the role lacks the authority'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
