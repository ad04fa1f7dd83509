import { useState } from 'react';
import { actionAt, RoleSelect, TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

/** A severity declared by a role, from the scenario's own scale (most severe first). */
export function SeverityForm({ scenario, stampedAtMs, act, onClose }: TeamRecordFormProps) {
  const [severity, setSeverity] = useState<string>(scenario.severities[0] ?? '');
  const [by, setBy] = useState(scenario.roles[0]?.id ?? '');
  return (
    <TeamRecordDialog
      title="Severity declaration"
      stampedAtMs={stampedAtMs}
      action={() => ({ at: actionAt(stampedAtMs), declare: { severity, by } })}
      act={act}
      onClose={onClose}
    >
      <div className="row">
        <label>
          Severity
          <select value={severity} onChange={(event) => setSeverity(event.target.value)}>
            {scenario.severities.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        </label>
        <RoleSelect label="Declared by" scenario={scenario} value={by} onChange={setBy} />
      </div>
    </TeamRecordDialog>
  );
}
