/**
 * Every shipped scenario, played with the seed of its well-run team's script: by that team
 * (examples/responses/<id>.good.yaml), by a poorly-run team (<id>.poor.yaml: late, to the
 * wrong people, thin messages) and by a team that never escalates (no script at all). The
 * good team must score at least 95 without a single refused action, the poor team at most 40,
 * the silent team low; no expectation may be met by a fact that does not answer it; and the
 * drills must play out differently where the scenario reacts to what the team does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Drill } from '../../src/engine/drill';
import { replay } from '../../src/engine/drill';
import { injectTimeline } from '../../src/engine/inject-timeline';
import type { ResponseScript } from '../../src/engine/load-script';
import { loadScriptText } from '../../src/engine/load-script';
import { scoreDrill } from '../../src/engine/score/score-drill';
import type { Scorecard } from '../../src/engine/score/scorecard';
import { loadScenarioBytes } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import type { Scenario } from '../../src/scenario/types';
import type { ScriptRefusal } from '../../src/server/simulate/run-simulation';
import { runSimulation } from '../../src/server/simulate/run-simulation';
import { unansweredMetExpectations } from '../support/answering-fact';
import { repoRoot } from '../support/fixtures';

const scenarioDirectory = join(repoRoot, 'scenarios');
const responseDirectory = join(repoRoot, 'examples', 'responses');
const yamlFiles = (directory: string) =>
  readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort();

const library: Scenario[] = yamlFiles(scenarioDirectory).map((name) => {
  const result = loadScenarioBytes(
    readFileSync(join(scenarioDirectory, name)),
    `scenarios/${name}`,
  );
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
});
type Variant = 'good' | 'poor';
const scriptName = /^([a-z0-9-]+)\.(good|poor)\.yaml$/;
const responseFiles = yamlFiles(responseDirectory);
const responseScriptIds = [
  ...new Set(responseFiles.map((name) => scriptName.exec(name)?.[1] ?? name)),
];
const hasScript = (scenarioId: string, variant: Variant) =>
  responseFiles.includes(`${scenarioId}.${variant}.yaml`);

function loadResponseScript(scenarioId: string, variant: Variant): ResponseScript {
  const file = `examples/responses/${scenarioId}.${variant}.yaml`;
  const result = loadScriptText(readFileSync(join(repoRoot, file), 'utf8'), file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.script;
}

interface PlayedDrill {
  readonly drill: Drill;
  readonly refusals: readonly ScriptRefusal[];
  readonly card: Scorecard;
  /** Inject id → fired, skipped or never. */
  readonly outcomes: ReadonlyMap<string, string>;
}

async function play(
  scenario: Scenario,
  script: ResponseScript | null,
  seed: number,
): Promise<PlayedDrill> {
  const { drill, refusals } = await runSimulation({ scenario, script, seed });
  const timeline = injectTimeline(scenario, drill.log);
  return {
    drill,
    refusals,
    card: scoreDrill(scenario, drill.log),
    outcomes: new Map(timeline.map((row) => [row.inject, row.outcome])),
  };
}

const triggered = (card: Scorecard) =>
  card.expectations.filter((expectation) => expectation.verdict !== 'not_triggered');
const verdicts = (card: Scorecard) =>
  Object.fromEntries(card.expectations.map((expectation) => [expectation.id, expectation.verdict]));
const refusalText = (refusals: readonly ScriptRefusal[]) =>
  refusals.map(
    ({ step, error }) =>
      `${step.position.line}:${step.position.column} ${step.action.type}: ${error}`,
  );

describe('the example response scripts', () => {
  it('are each named ID.good.yaml or ID.poor.yaml', () => {
    expect(responseFiles.filter((name) => !scriptName.test(name))).toEqual([]);
  });

  it.each(['good', 'poor'] as const)('include a %s team for every shipped scenario', (variant) => {
    expect(library.filter(({ id }) => !hasScript(id, variant)).map(({ id }) => id)).toEqual([]);
  });

  it('each belong to a shipped scenario (no orphan scripts)', () => {
    const scenarioIds = new Set(library.map(({ id }) => id));
    expect(responseScriptIds.filter((id) => !scenarioIds.has(id))).toEqual([]);
  });

  it('each fix a seed, so the surprises they answer always come at the same moment', () => {
    const unseeded = library.filter(({ id }) => loadResponseScript(id, 'good').seed === null);
    expect(unseeded.map(({ id }) => id)).toEqual([]);
  });
});

describe.each(library.map((scenario) => [scenario.id, scenario] as const))(
  'the %s drill',
  (_id, scenario) => {
    let good: PlayedDrill;
    let silent: PlayedDrill;
    let poor: PlayedDrill | null = null;

    beforeAll(async () => {
      const script = loadResponseScript(scenario.id, 'good');
      const seed = script.seed ?? 1;
      good = await play(scenario, script, seed);
      silent = await play(scenario, null, seed);
      if (hasScript(scenario.id, 'poor'))
        poor = await play(scenario, loadResponseScript(scenario.id, 'poor'), seed);
    });

    describe('when the team runs it well', () => {
      it('has every scripted action accepted', () => {
        expect(refusalText(good.refusals)).toEqual([]);
      });

      it('scores at least 95 overall, with no authority violations', () => {
        expect(good.card.overall).toBeGreaterThanOrEqual(95);
        expect(good.card.metrics.authority_violations).toBe(0);
      });

      it('meets each expectation it meets with a fact that answers it', () => {
        expect(unansweredMetExpectations(scenario, good.card, good.drill.log)).toEqual([]);
      });

      it('writes a log that replays to exactly the live drill', () => {
        expect(replay(scenario, good.drill.log).snapshot()).toBe(good.drill.snapshot());
      });
    });

    describe('when the team never escalates', () => {
      it('misses every triggered expectation', () => {
        const card = silent.card;
        expect(triggered(card).length).toBeGreaterThan(0);
        for (const expectation of triggered(card))
          expect({ [expectation.id]: expectation.verdict }).toEqual({
            [expectation.id]: 'missed',
          });
      });

      it('scores low overall', () => {
        expect(silent.card.overall).not.toBeNull();
        expect(silent.card.overall).toBeLessThanOrEqual(20);
        expect(silent.card.metrics.escalations).toBe(0);
      });

      it('writes a log that replays to exactly the live drill', () => {
        expect(replay(scenario, silent.drill.log).snapshot()).toBe(silent.drill.snapshot());
      });
    });

    // Every scenario has one (checked above); without it these fail, they do not vanish.
    describe('when the team runs it poorly', () => {
      const played = () => {
        if (poor === null) throw new Error(`${scenario.id}.poor.yaml did not play`);
        return poor;
      };

      it('has every scripted action accepted (the mistakes are choices, not typos)', () => {
        expect(refusalText(played().refusals)).toEqual([]);
      });

      it('scores at most 40 overall, and no lower than the silent team', () => {
        const overall = played().card.overall ?? 0;
        expect(overall).toBeLessThanOrEqual(40);
        expect(overall).toBeGreaterThanOrEqual(silent.card.overall ?? 0);
      });

      it('meets no expectation with a fact that does not answer it', () => {
        const { card, drill } = played();
        expect(unansweredMetExpectations(scenario, card, drill.log)).toEqual([]);
      });
    });

    describe('between the two teams', () => {
      const conditional = scenario.injects.filter(
        ({ timing }) => timing.type === 'met' || timing.type === 'unmet',
      );

      it('has injects that react to what the team does', () => {
        expect(conditional.map(({ id }) => id)).not.toEqual([]);
      });

      it('fires `met` injects only for the good team and `unmet` injects only for the silent one', () => {
        const seen = conditional.map(({ id, timing }) => ({
          inject: id,
          when: timing.type,
          good: good.outcomes.get(id) === 'fired',
          silent: silent.outcomes.get(id) === 'fired',
        }));
        expect(seen).toEqual(
          conditional.map(({ id, timing }) => ({
            inject: id,
            when: timing.type,
            good: timing.type === 'met',
            silent: timing.type === 'unmet',
          })),
        );
      });

      it('scores the good team far above the silent one on the same seed', () => {
        expect(good.card.seed).toBe(silent.card.seed);
        expect(verdicts(good.card)).not.toEqual(verdicts(silent.card));
        expect((good.card.overall ?? 0) - (silent.card.overall ?? 0)).toBeGreaterThanOrEqual(75);
      });
    });
  },
);
