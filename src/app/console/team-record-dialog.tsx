import type { ReactNode } from 'react';
import type { Scenario } from '../../scenario/types';
import { Dialog } from '../components/dialog';
import { formatDrillClock } from '../drill/drill-time';

/** What every team-record form gets from the recorder: the drill, its stamp, where to send. */
export interface TeamRecordFormProps {
  scenario: Scenario;
  /** When the form was opened: the record carries it, so time spent typing is not lost. */
  stampedAtMs: number;
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
}

/** The `at` of an action, in the scenario's duration syntax. */
export const actionAt = (stampedAtMs: number) => `${stampedAtMs / 1000}s`;

/**
 * The dialog around one team-record form: its title with the stamped drill time (left out
 * for what is sent now), Cancel and submit. Submitting sends the form's action and closes.
 */
export function TeamRecordDialog({
  title,
  stampedAtMs,
  submitLabel = 'Record',
  action,
  act,
  onClose,
  children,
}: {
  title: string;
  stampedAtMs?: number;
  submitLabel?: string;
  action: () => Record<string, unknown>;
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={
        <>
          {title}{' '}
          {stampedAtMs === undefined ? null : (
            <span className="muted">at {formatDrillClock(stampedAtMs)}</span>
          )}
        </>
      }
      submitLabel={submitLabel}
      onSubmit={() => {
        act(action());
        onClose();
      }}
      onClose={onClose}
    >
      {children}
    </Dialog>
  );
}

/** A select of the scenario's roles, labelled for the part the role plays in the record. */
export function RoleSelect({
  label,
  scenario,
  value,
  onChange,
}: {
  label: string;
  scenario: Scenario;
  value: string;
  onChange: (role: string) => void;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        {/* Audiences never act nor take a handoff: the engine refuses them (400). */}
        {scenario.roles
          .filter((role) => !role.audience)
          .map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
      </select>
    </label>
  );
}
