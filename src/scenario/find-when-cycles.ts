/**
 * Finds conditions that wait on each other: an inject that fires after another that fires
 * after it, or an expectation triggered by an inject that waits for that expectation to be
 * met. Nothing in such a cycle can ever happen, so the scenario is refused.
 */
import type { ScenarioFile, WhenFile } from './schema';
import type { PathFinding } from './check-references';
import type { YamlPath } from './yaml-source';

interface Dependency {
  readonly on: string;
  /** Where the condition that creates this dependency is written. */
  readonly path: YamlPath;
}

export function findWhenCycles(file: ScenarioFile): PathFinding[] {
  const graph = new Map<string, Dependency[]>();
  const add = (node: string, on: string | undefined, path: YamlPath) => {
    if (on === undefined) return;
    graph.set(node, [...(graph.get(node) ?? []), { on, path }]);
  };
  const addWhen = (node: string, when: WhenFile | undefined, path: YamlPath) => {
    if (!when) return;
    add(node, when.after && `inject ${when.after}`, path);
    add(node, when.met && `expectation ${when.met}`, path);
    add(node, when.experiment && `experiment ${when.experiment}`, path);
  };
  (file.injects ?? []).forEach((inject, i) =>
    addWhen(`inject ${inject.id}`, inject.when, ['injects', i, 'when']),
  );
  (file.expectations ?? []).forEach((expectation, e) => {
    const node = `expectation ${expectation.id}`;
    const path = ['expectations', e, 'trigger'];
    add(node, expectation.trigger.inject && `inject ${expectation.trigger.inject}`, path);
    add(
      node,
      expectation.trigger.expectation && `expectation ${expectation.trigger.expectation}`,
      path,
    );
  });
  (file.experiments ?? []).forEach((experiment, x) => {
    if (typeof experiment.start === 'object' && 'when' in experiment.start) {
      addWhen(`experiment ${experiment.id}`, experiment.start.when, [
        'experiments',
        x,
        'start',
        'when',
      ]);
    }
  });

  const findings: PathFinding[] = [];
  const done = new Set<string>();
  const visit = (node: string, trail: { node: string; path: YamlPath }[]) => {
    const open = trail.findIndex((step) => step.node === node);
    if (open >= 0) {
      const cycle = trail.slice(open);
      const names = [...cycle.map((step) => step.node), node].join(' → ');
      findings.push({
        path: cycle[0]?.path ?? [],
        message: `\`when\` cycle: ${names}; none of these can ever happen`,
      });
      return;
    }
    if (done.has(node)) return;
    for (const dependency of graph.get(node) ?? []) {
      visit(dependency.on, [...trail, { node, path: dependency.path }]);
    }
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return findings;
}
