import { useState } from 'react';
import { actionAt, RoleSelect, TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

/** One of the scenario's decisions, taken by a role. */
export function DecisionForm({ scenario, stampedAtMs, act, onClose }: TeamRecordFormProps) {
  const [decision, setDecision] = useState(scenario.decisions[0]?.id ?? '');
  const [by, setBy] = useState(scenario.roles[0]?.id ?? '');
  return (
    <TeamRecordDialog
      title="Decision"
      stampedAtMs={stampedAtMs}
      action={() => ({ at: actionAt(stampedAtMs), decide: { decision, by } })}
      act={act}
      onClose={onClose}
    >
      <div className="row">
        <label>
          Decision
          <select value={decision} onChange={(event) => setDecision(event.target.value)}>
            {scenario.decisions.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
        </label>
        <RoleSelect label="Taken by" scenario={scenario} value={by} onChange={setBy} />
      </div>
    </TeamRecordDialog>
  );
}
