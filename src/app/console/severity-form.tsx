import { useState } from 'react';
import { actionAt, RoleSelect, TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** A severity declared by a role. */
export function SeverityForm({ scenario, stampedAtMs, act, onClose }: TeamRecordFormProps) {
  const [severity, setSeverity] = useState<string>('SEV1');
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
            {severities.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        </label>
        <RoleSelect label="Declared by" scenario={scenario} value={by} onChange={setBy} />
      </div>
    </TeamRecordDialog>
  );
}
