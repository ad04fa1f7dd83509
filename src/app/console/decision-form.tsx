import { useState } from 'react';
import { actionAt, RoleSelect, TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

/**
 * One of the scenario's decisions, taken by a role: the option chosen when the decision
 * offers some, and the reason given, which the debrief will want.
 */
export function DecisionForm({ scenario, stampedAtMs, act, onClose }: TeamRecordFormProps) {
  const [decisionId, setDecisionId] = useState(scenario.decisions[0]?.id ?? '');
  const decision = scenario.decisions.find((candidate) => candidate.id === decisionId);
  const options = decision?.options ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const option = options === null ? null : (chosen ?? options[0] ?? null);
  const [rationale, setRationale] = useState('');
  const [by, setBy] = useState(scenario.roles[0]?.id ?? '');
  const role = scenario.roles.find((candidate) => candidate.id === by);
  const unauthorised =
    decision?.needs != null && !(role?.authority.includes(decision.needs) ?? false);
  return (
    <TeamRecordDialog
      title="Decision"
      stampedAtMs={stampedAtMs}
      action={() => ({
        at: actionAt(stampedAtMs),
        decide: {
          decision: decisionId,
          by,
          ...(option === null ? {} : { option }),
          ...(rationale.trim() === '' ? {} : { rationale: rationale.trim() }),
        },
      })}
      act={act}
      onClose={onClose}
    >
      <label>
        Decision
        <select
          value={decisionId}
          onChange={(event) => {
            setDecisionId(event.target.value);
            setChosen(null);
          }}
        >
          {scenario.decisions.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        {options !== null && (
          <label>
            Option
            <select value={option ?? ''} onChange={(event) => setChosen(event.target.value)}>
              {options.map((candidate) => (
                <option key={candidate}>{candidate}</option>
              ))}
            </select>
          </label>
        )}
        <RoleSelect label="Taken by" scenario={scenario} value={by} onChange={setBy} />
      </div>
      {unauthorised && (
        <p className="alert" role="status">
          {role?.name ?? by} does not hold “{decision?.needs}”: the decision is recorded, and counts
          as an authority violation.
        </p>
      )}
      <label>
        Rationale (optional)
        <textarea
          rows={2}
          value={rationale}
          maxLength={2000}
          onChange={(event) => setRationale(event.target.value)}
          placeholder="Why this option, in the team's words"
        />
      </label>
    </TeamRecordDialog>
  );
}
