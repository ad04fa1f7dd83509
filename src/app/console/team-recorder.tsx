import { useState } from 'react';
import type { Scenario } from '../../scenario/types';
import { AdhocInjectForm } from './adhoc-inject-form';
import { ChecklistForm } from './checklist-form';
import { DecisionForm } from './decision-form';
import { HandoffForm } from './handoff-form';
import { SeverityForm } from './severity-form';

export type TeamRecordKind = 'handoff' | 'checklist' | 'decision' | 'severity' | 'adhoc';

/**
 * The rest of what the facilitator records for the room: handoffs, checklist ticks,
 * decisions, severity declarations, and injects typed during the drill. Stamped when opened;
 * one form per kind (`*-form.tsx`) in the shared dialog (`team-record-dialog.tsx`).
 */
export function TeamRecorder({
  kind,
  scenario,
  openedAtMs,
  checklists,
  act,
  onClose,
}: {
  kind: TeamRecordKind;
  scenario: Scenario;
  openedAtMs: number;
  checklists: ReadonlyMap<string, readonly boolean[]>;
  act: (action: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const [stampedAtMs] = useState(openedAtMs);
  const form = { scenario, stampedAtMs, act, onClose };
  switch (kind) {
    case 'handoff':
      return <HandoffForm {...form} />;
    case 'checklist':
      return <ChecklistForm {...form} checklists={checklists} />;
    case 'decision':
      return <DecisionForm {...form} />;
    case 'severity':
      return <SeverityForm {...form} />;
    case 'adhoc':
      return <AdhocInjectForm scenario={scenario} act={act} onClose={onClose} />;
  }
}
