/**
 * The guide in a facilitator's words: conditions, effects, authorities and decisions name
 * roles, injects and expectations as people read them, never by their YAML ids, and every
 * inject's text is on its own card, so a body with a table or a log excerpt stays readable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facilitatorGuide } from '../../src/scenario/guide/facilitator-guide';
import { renderGuideMarkdown } from '../../src/scenario/guide/guide-markdown';
import { authorityText, decidedBy } from '../../src/scenario/guide/scenario-names';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Scenario } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';

function shipped(id: string): Scenario {
  const file = `scenarios/${id}.yaml`;
  const loaded = loadScenarioText(readFileSync(join(repoRoot, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
}
const failover = shipped('db-failover-sev2');
const guide = facilitatorGuide(failover);
const events = [...guide.phases.flatMap((phase) => phase.events), ...guide.onCue];
const event = (id: string) => {
  const found = events.find(({ injectId }) => injectId === id);
  if (found === undefined) throw new Error(`no inject ${id}`);
  return found;
};

describe('when an inject waits on the team', () => {
  it('names the expectation and the inject it waits on by their titles', () => {
    expect(event('director-asks').condition).toBe(
      '“Page the incident commander within 5 minutes of the latency alarm” was still unmet at 14m',
    );
    expect(event('connection-storm').condition).toMatch(/^18m after “\[FIRING:1\] Checkout/);
  });

  it('names the role an effect makes unreachable', () => {
    expect(event('dba-on-a-plane').effects).toEqual([
      'Database on-call (DBRE) is unreachable for 20m',
    ]);
  });
});

describe('when roles and decisions are put in words', () => {
  it('says what a role may decide by the decisions’ titles, and who takes each decision', () => {
    expect(authorityText(failover, ['declare-sev1'])).toBe('Declare SEV1');
    expect(authorityText(failover, ['declare-major'])).toBe('declare major');
    expect(decidedBy(failover, 'approve-failover')).toBe(
      'Incident commander or Head of Data Platform',
    );
  });
});

describe('when the guide is printed as markdown', () => {
  const markdown = renderGuideMarkdown(guide);

  it('puts each inject’s text on a numbered card and points the events list at it', () => {
    expect(markdown).toContain('## Inject cards');
    const table = markdown.split('## Inject cards')[0] ?? '';
    expect(table).not.toContain('| wait_event_type');
    expect(table).toMatch(/\| T\+7:00 \| \[FIRING:2\][^\n]*Say: read out or show card 6\./);
    expect(markdown).toMatch(
      /### 6\. T\+7:00: \[FIRING:2\][^\n]*\n\n[^\n]*\n\n[\s\S]*\| wait_event_type/,
    );
  });

  it('names the roles of each escalation path', () => {
    expect(markdown).toContain('Primary on-call SRE (acks within 5m) → Secondary on-call SRE');
  });
});
