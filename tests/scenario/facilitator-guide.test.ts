import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facilitatorGuide } from '../../src/scenario/guide/facilitator-guide';
import { expectationSentence, spokenDuration } from '../../src/scenario/guide/expectation-words';
import { renderGuideMarkdown } from '../../src/scenario/guide/guide-markdown';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Scenario } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';

function shipped(id: string): Scenario {
  const file = `scenarios/${id}.yaml`;
  const loaded = loadScenarioText(readFileSync(join(repoRoot, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
}
const gitlab = shipped('gitlab-database-deletion');

describe('when an expectation is put in words', () => {
  it('says what to do, by whom, within what, of which inject, and when it is missed', () => {
    const page = gitlab.expectations.find(({ id }) => id === 'page-ic');
    if (page === undefined) throw new Error('page-ic is gone');
    expect(expectationSentence(gitlab, page)).toBe(
      'Escalate to Incident commander (or higher on incident) (by Database engineer on call (ran the command)) ' +
        'within 3 minutes of “`rm -rf /var/opt/gitlab/postgresql/data` — on db1, not db2”; missed after 10 minutes',
    );
  });

  it('speaks durations in hours, minutes and seconds', () => {
    expect(spokenDuration(90_000)).toBe('1 minute 30 seconds');
    expect(spokenDuration(5_400_000)).toBe('1 hour 30 minutes');
  });
});

describe('when the guide is built', () => {
  const guide = facilitatorGuide(gitlab);

  it('places every inject once: in its phase by its planned time, or on cue', () => {
    const placed = [...guide.phases.flatMap(({ events }) => events), ...guide.onCue];
    expect(placed.map(({ injectId }) => injectId).sort()).toEqual(
      gitlab.injects.map(({ id }) => id).sort(),
    );
    expect(guide.phases.map(({ id }) => id)).toEqual(gitlab.phases.map(({ id }) => id));
  });

  it('plans an `unmet` inject at its check time, with the condition said', () => {
    const hackerNews = guide.phases
      .flatMap(({ events }) => events)
      .find(({ condition }) => condition?.includes('still unmet at 12m'));
    expect(hackerNews).toMatchObject({ atMs: 12 * 60_000, when: 'T+12:00' });
  });

  it('lists every expectation once among the expected actions', () => {
    const expected = [...guide.phases.flatMap((phase) => phase.expected), ...guide.expectedOnCue];
    expect(expected).toHaveLength(gitlab.expectations.length);
  });
});

describe('when the guide is rendered as markdown', () => {
  const markdown = renderGuideMarkdown(facilitatorGuide(gitlab));

  it('has the master events list with time, inject, to whom and what to say or ask', () => {
    expect(markdown).toContain('## Master scenario events list');
    expect(markdown).toContain('| Time | Inject | To | What the facilitator says or asks |');
    expect(markdown).toMatch(/\| T\+12:00 \| Hacker News/);
  });

  it('gives each phase its expected actions and discussion questions', () => {
    for (const phase of gitlab.phases) expect(markdown).toContain(`## ${phase.title}`);
    expect(markdown).toContain('### Expected actions');
    for (const question of gitlab.phases.flatMap(({ questions }) => questions))
      expect(markdown).toContain(`- ${question}`);
  });

  it('keeps every table row on one line (no body breaks a row)', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| T+'));
    for (const row of rows) expect(row.endsWith('|')).toBe(true);
  });

  it('gives the same bytes for the same scenario', () => {
    expect(renderGuideMarkdown(facilitatorGuide(gitlab))).toBe(markdown);
  });
});
