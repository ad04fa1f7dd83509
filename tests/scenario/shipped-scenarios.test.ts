/**
 * The shipped library: every scenario loads, and together they exercise every feature of
 * the format, so the engine, the scorer and the app are always tried on all of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioBytes } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import type { Scenario } from '../../src/scenario/types';
import { defaultSeverities } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';

const directory = join(repoRoot, 'scenarios');
const files = readdirSync(directory).filter((name) => name.endsWith('.yaml'));
const library: Scenario[] = files.map((name) => {
  const result = loadScenarioBytes(readFileSync(join(directory, name)), `scenarios/${name}`);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
});

describe('the shipped scenarios', () => {
  it('are at least four', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files.map((name, index) => [name, library[index]] as const))(
    // From the beginner's 15-minute first page to a multi-day story told in one long session.
    '%s is named after its id and lasts 15–90 minutes',
    (name, scenario) => {
      expect(name).toBe(`${scenario?.id}.yaml`);
      expect(scenario?.durationMs).toBeGreaterThanOrEqual(15 * 60_000);
      expect(scenario?.durationMs).toBeLessThanOrEqual(90 * 60_000);
    },
  );

  it('give every inject a real title and body', () => {
    const bare = library.flatMap((scenario) =>
      scenario.injects
        .filter((inject) => !inject.title || inject.body.trim().length < 20)
        .map((inject) => `${scenario.id}/${inject.id}`),
    );
    expect(bare).toEqual([]);
  });

  it('include a game day with an experiment', () => {
    expect(
      library.some((scenario) => scenario.mode === 'gameday' && scenario.experiments.length > 0),
    ).toBe(true);
  });
});

const injects = library.flatMap((scenario) => scenario.injects);
const effects = injects.flatMap((inject) => inject.effects);
const expectations = library.flatMap((scenario) => scenario.expectations);
const features: Record<string, boolean> = {
  'an escalation path': library.some((scenario) => scenario.escalationPaths.length > 0),
  'an auto-advancing escalation path': library.some((scenario) =>
    scenario.escalationPaths.some((path) => path.autoAdvance),
  ),
  'an escalation template': library.some((scenario) => scenario.templates.escalation !== null),
  'a handoff template': library.some((scenario) => scenario.templates.handoff !== null),
  'a fixed-time inject': injects.some((inject) => inject.timing.type === 'at'),
  'a random-window inject': injects.some((inject) => inject.timing.type === 'between'),
  'an inject with a chance': injects.some((inject) => inject.chance < 1),
  'a when: after inject': injects.some((inject) => inject.timing.type === 'after'),
  'a when: unmet inject': injects.some((inject) => inject.timing.type === 'unmet'),
  'a when: met inject': injects.some((inject) => inject.timing.type === 'met'),
  'a when: experiment inject': injects.some((inject) => inject.timing.type === 'experiment'),
  ...Object.fromEntries(
    ['alert', 'message', 'call', 'metric', 'status', 'surprise'].map((kind) => [
      `a ${kind} inject`,
      injects.some((inject) => inject.kind === kind),
    ]),
  ),
  ...Object.fromEntries(
    ['unavailable', 'channel_down', 'severity', 'start_experiment', 'stop_experiment'].map(
      (type) => [`an ${type} effect`, effects.some((effect) => effect.type === type)],
    ),
  ),
  'an NPC role': library.some((scenario) => scenario.roles.some((role) => role.npc !== null)),
  'a metric series': injects.some((inject) => (inject.metric?.points.length ?? 0) > 1),
  'an expectation with a path': expectations.some(
    (expectation) => expectation.goal.kind === 'escalate' && expectation.goal.path !== null,
  ),
  ...Object.fromEntries(
    ['inject', 'at', 'expectation'].map((type) => [
      `an expectation triggered by ${type}`,
      expectations.some((expectation) => expectation.trigger.type === type),
    ]),
  ),
  'a decision that needs authority': library.some((scenario) =>
    scenario.decisions.some((decision) => decision.needs !== null),
  ),
  'a checklist': library.some((scenario) => scenario.checklists.length > 0),
  'an experiment': library.some((scenario) => scenario.experiments.length > 0),
  // Format v2 (scenario-format.md, "Version 2 additions").
  'a format v2 file': library.some((scenario) => scenario.version === 2),
  'a severity scale of its own': library.some(
    (scenario) => JSON.stringify(scenario.severities) !== JSON.stringify(defaultSeverities),
  ),
  'a channels list': library.some((scenario) => scenario.channels !== null),
  'an audience role': library.some((scenario) => scenario.roles.some((role) => role.audience)),
  'a role with its own template': library.some((scenario) =>
    scenario.roles.some((role) => role.template !== null),
  ),
  'a decision with options': library.some((scenario) =>
    scenario.decisions.some((decision) => decision.options !== null),
  ),
  ...Object.fromEntries(
    ['decided', 'undecided', 'declared', 'acknowledged'].map((type) => [
      `a when: ${type} inject`,
      injects.some((inject) => inject.timing.type === type),
    ]),
  ),
  'a when: decided with an option (a metric branch)': injects.some((inject) =>
    (inject.metric?.branches ?? []).some(
      ({ when }) => when.type === 'decided' && when.option !== null,
    ),
  ),
  'an inject that pages': injects.some((inject) => inject.pages !== null),
  'an effect that ends on what the team does (until)': effects.some(
    (effect) => 'until' in effect && effect.until !== null,
  ),
  'a metric branch': injects.some((inject) => (inject.metric?.branches.length ?? 0) > 0),
  ...Object.fromEntries(
    (['escalate', 'decide', 'declare', 'handoff'] as const).map((kind) => [
      `a ${kind} expectation`,
      expectations.some((expectation) => expectation.goal.kind === kind),
    ]),
  ),
  'an expectation limited to some roles (by)': expectations.some(
    (expectation) => expectation.by !== null,
  ),
  'a recurring expectation (every) with anticipate: false': expectations.some(
    (expectation) => expectation.everyMs !== null && !expectation.anticipate,
  ),
  'a story clock in a time zone': library.some((scenario) => scenario.story?.tz != null),
  'phases, one of them moving the story clock': library.some(
    (scenario) =>
      scenario.phases.length > 1 && scenario.phases.some((phase) => phase.storyTimeMs !== null),
  ),
  'phase questions': library.some((scenario) =>
    scenario.phases.some((phase) => phase.questions.length > 0),
  ),
  'scoring weight overrides': library.some(
    (scenario) =>
      JSON.stringify(scenario.weights) !==
      JSON.stringify({
        timeliness: 0.5,
        communication: 0.2,
        acknowledgement: 0.15,
        checklists: 0.15,
      }),
  ),
};

describe('the shipped library covers the format', () => {
  it.each(Object.entries(features))('uses %s', (_feature, used) => {
    expect(used).toBe(true);
  });
});
