// @vitest-environment happy-dom
/** Handoffs, checklist ticks, decisions, severity and ad-hoc injects from the console. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamRecorder } from '../../src/app/console/team-recorder';
import { baseScenario, scenarioFrom } from '../support/drill-harness';

afterEach(cleanup);
const scenario = scenarioFrom(
  baseScenario.replace(
    '  escalation: [situation, impact, ask]\n',
    '  escalation: [situation, impact, ask]\n  handoff: [current_state, owner]\n',
  ),
);

const renderKind = (
  kind: Parameters<typeof TeamRecorder>[0]['kind'],
  checklists = new Map<string, boolean[]>(),
) => {
  const act = vi.fn();
  render(
    <TeamRecorder
      kind={kind}
      scenario={scenario}
      openedAtMs={120_000}
      checklists={checklists}
      act={act}
      onClose={vi.fn()}
    />,
  );
  return act;
};

describe('the team recorder', () => {
  it('ticks a checklist item for its owner, and unticks a ticked one (a correction)', () => {
    const act = renderKind('checklist', new Map([['triage', [true, false]]]));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({
      at: '120s',
      uncheck: { checklist: 'triage', item: 0, by: 'oncall' },
    });
  });

  it('records a decision by the role that took it', () => {
    const act = renderKind('decision');
    fireEvent.change(screen.getByLabelText('Taken by'), { target: { value: 'ic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({ at: '120s', decide: { decision: 'failover', by: 'ic' } });
  });

  it('records a decision with the option chosen and the rationale given', () => {
    const act = vi.fn();
    const withOptions = scenarioFrom(
      baseScenario.replace(
        '  - { id: failover, needs: approve-failover }',
        '  - { id: failover, needs: approve-failover, options: [promote-replica, wait] }',
      ),
    );
    render(
      <TeamRecorder
        kind="decision"
        scenario={withOptions}
        openedAtMs={120_000}
        checklists={new Map()}
        act={act}
        onClose={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText('Option'), { target: { value: 'wait' } });
    fireEvent.change(screen.getByLabelText('Rationale (optional)'), {
      target: { value: 'replica lag is 40 s' },
    });
    expect(screen.getByRole('status').textContent).toContain('does not hold “approve-failover”');
    fireEvent.change(screen.getByLabelText('Taken by'), { target: { value: 'ic' } });
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({
      at: '120s',
      decide: { decision: 'failover', by: 'ic', option: 'wait', rationale: 'replica lag is 40 s' },
    });
  });

  it("offers the scenario's own severity scale", () => {
    const act = vi.fn();
    render(
      <TeamRecorder
        kind="severity"
        scenario={scenarioFrom(`${baseScenario}severities: [P1, P2]\n`)}
        openedAtMs={120_000}
        checklists={new Map()}
        act={act}
        onClose={vi.fn()}
      />,
    );
    expect(
      [...screen.getByLabelText<HTMLSelectElement>('Severity').options].map((o) => o.value),
    ).toEqual(['P1', 'P2']);
  });

  it('records a severity declaration', () => {
    const act = renderKind('severity');
    fireEvent.change(screen.getByLabelText('Declared by'), { target: { value: 'ic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(act).toHaveBeenCalledWith({ at: '120s', declare: { severity: 'SEV1', by: 'ic' } });
  });

  it('sends an ad-hoc inject to everyone, now', () => {
    const act = renderKind('adhoc');
    fireEvent.change(screen.getByLabelText('Title'), {
      target: { value: 'Legal is on the phone' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send to everyone' }));
    expect(act).toHaveBeenCalledWith({
      adhoc_inject: { kind: 'message', title: 'Legal is on the phone', body: '' },
    });
  });
});

describe('when an ad-hoc inject is for some roles only', () => {
  it('sends it to the roles ticked, of the kind chosen, and says whom to', () => {
    const act = renderKind('adhoc');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Your phone died' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'surprise' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'On-call' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send to On-call' }));
    expect(act).toHaveBeenCalledWith({
      adhoc_inject: { kind: 'surprise', title: 'Your phone died', body: '', to: ['oncall'] },
    });
  });
});
