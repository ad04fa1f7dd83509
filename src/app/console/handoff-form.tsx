import { useState } from 'react';
import { CoveredFields } from '../components/dialog';
import { actionAt, RoleSelect, TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

/** A handoff between two roles, with the parts of the scenario's handoff template it covered. */
export function HandoffForm({ scenario, stampedAtMs, act, onClose }: TeamRecordFormProps) {
  const [from, setFrom] = useState(scenario.roles[0]?.id ?? '');
  const [to, setTo] = useState(scenario.roles[1]?.id ?? '');
  const [covered, setCovered] = useState<string[]>([]);
  return (
    <TeamRecordDialog
      title="Handoff"
      stampedAtMs={stampedAtMs}
      action={() => ({ at: actionAt(stampedAtMs), handoff: { from, to, covered } })}
      act={act}
      onClose={onClose}
    >
      <div className="row">
        <RoleSelect label="From" scenario={scenario} value={from} onChange={setFrom} />
        <RoleSelect label="To" scenario={scenario} value={to} onChange={setTo} />
      </div>
      <CoveredFields
        legend="The handoff covered"
        fields={scenario.templates.handoff ?? []}
        covered={covered}
        onChange={setCovered}
      />
    </TeamRecordDialog>
  );
}
