/** Anonymised exports name no people, and score exactly the same. */
import { describe, expect, it } from 'vitest';
import { anonymiseLog } from '../../src/engine/anonymise-log';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { baseScenario, DrillHarness, scenarioFrom } from '../support/drill-harness';

describe('anonymiseLog', () => {
  const harness = new DrillHarness(scenarioFrom(baseScenario), { seed: 3 });
  harness.expectOk({ type: 'start' });
  harness.advanceTo('1m');
  harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' });
  harness.expectOk({ type: 'note', by: 'facilitator', text: 'Ana hesitated' });
  harness.expectOk(
    {
      type: 'handoff',
      from: 'oncall',
      to: 'secondary',
      message: { current_state: 'failing over', owner: 'Bruno Costa' },
    },
    { clientId: 'a1b2c3d4e5f60718:phone-7' },
  );
  harness.expectOk({ type: 'end' });
  harness.expectOk({
    type: 'debrief',
    kind: 'action_item',
    text: 'Fix the rota',
    owner: 'Ana Silva',
  });
  harness.expectOk({
    type: 'debrief',
    kind: 'action_item',
    text: 'Page earlier',
    owner: 'Ana Silva',
  });
  const log = harness.drill.log;
  const anonymised = anonymiseLog(log);

  it('replaces owners with stable labels and withholds notes', () => {
    const text = JSON.stringify(anonymised);
    expect(text).not.toContain('Ana');
    expect(
      anonymised
        .filter((entry) => entry.type === 'debrief.recorded')
        .map((entry) => (entry.type === 'debrief.recorded' ? entry.payload.owner : null)),
    ).toEqual(['person 2', 'person 2']);
  });

  it('labels the owner a handoff names, keeping the rest of its message', () => {
    const handoff = anonymised.find((entry) => entry.type === 'handoff.recorded');
    expect(handoff?.type === 'handoff.recorded' && handoff.payload.message).toEqual({
      current_state: 'failing over',
      owner: 'person 1',
    });
    expect(JSON.stringify(anonymised)).not.toContain('Bruno');
  });

  it('drops client ids, which carry a prefix of the sender’s token hash', () => {
    expect(JSON.stringify(log)).toContain('a1b2c3d4e5f60718');
    expect(JSON.stringify(anonymised)).not.toContain('a1b2c3d4e5f60718');
    expect(anonymised.every((entry) => entry.meta?.clientId === undefined)).toBe(true);
  });

  it('changes no score', () => {
    expect(scoreDrill(harness.scenario, anonymised)).toEqual(scoreDrill(harness.scenario, log));
  });
});
