/**
 * The checks a shape cannot express: ids unique per kind, every reference resolvable,
 * escalation paths coherent, metric series ordered. Each finding names the path of the
 * offending value so the loader can point at it.
 */
import { parseDuration } from './duration';
import type { ScenarioFile, UntilFile, WhenFile } from './schema';
import { defaultSeverities } from './types';
import type { YamlPath } from './yaml-source';

export interface PathFinding {
  readonly path: YamlPath;
  readonly message: string;
}

type IdSets = Record<
  'role' | 'inject' | 'expectation' | 'experiment' | 'path' | 'decision' | 'template',
  ReadonlySet<string>
>;

export function checkReferences(file: ScenarioFile): PathFinding[] {
  const findings: PathFinding[] = [];
  const report = (path: YamlPath, message: string) => findings.push({ path, message });

  const ids: IdSets = {
    role: uniqueIds(file.roles, ['roles'], 'role', report),
    inject: uniqueIds(file.injects ?? [], ['injects'], 'inject', report),
    expectation: uniqueIds(file.expectations ?? [], ['expectations'], 'expectation', report),
    experiment: uniqueIds(file.experiments ?? [], ['experiments'], 'experiment', report),
    path: uniqueIds(file.escalation_paths ?? [], ['escalation_paths'], 'escalation path', report),
    decision: uniqueIds(file.decisions ?? [], ['decisions'], 'decision', report),
    template: new Set(Object.keys(file.templates ?? {})),
  };
  uniqueIds(file.checklists ?? [], ['checklists'], 'checklist', report);
  uniqueIds(file.phases ?? [], ['phases'], 'phase', report);

  const expect = (kind: keyof IdSets, value: string | undefined, path: YamlPath) => {
    if (value !== undefined && !ids[kind].has(value))
      report(path, unknownMessage(kind, value, ids[kind]));
  };
  /** `option` names one of the decision's options; a decision without options takes none. */
  const expectOption = (
    decisionId: string | undefined,
    option: string | undefined,
    path: YamlPath,
  ) => {
    const decision = file.decisions?.find((candidate) => candidate.id === decisionId);
    if (option === undefined || !decision) return;
    if (decision.options === undefined)
      report(path, `decision "${decision.id}" has no \`options\`, so \`option\` cannot name one`);
    else if (!decision.options.includes(option))
      report(
        path,
        `unknown option "${option}" of decision "${decision.id}" (its options: ${decision.options.join(', ')})`,
      );
  };
  const expectUntil = (until: UntilFile | undefined, path: YamlPath) => {
    if (!until) return;
    expect('decision', until.decided, [...path, 'decided']);
    expectOption(until.decided, until.option, [...path, 'option']);
    expectOnScale(until.declared, [...path, 'declared']);
    expect('expectation', until.met, [...path, 'met']);
  };
  const expectWhen = (when: WhenFile | undefined, path: YamlPath) => {
    if (!when) return;
    expect('inject', when.after, [...path, 'after']);
    expect('expectation', when.unmet, [...path, 'unmet']);
    expect('experiment', when.experiment, [...path, 'experiment']);
    expect('decision', when.undecided, [...path, 'undecided']);
    expect('role', when.acknowledged, [...path, 'acknowledged']);
    expectUntil(when, path);
  };

  (file.escalation_paths ?? []).forEach((escalationPath, p) => {
    const seen = new Set<string>();
    escalationPath.levels.forEach((level, l) => {
      const at = ['escalation_paths', p, 'levels', l, 'role'];
      expect('role', level.role, at);
      if (seen.has(level.role))
        report(at, `role "${level.role}" appears twice on path "${escalationPath.id}"`);
      seen.add(level.role);
    });
  });

  const severities: readonly string[] = file.severities ?? defaultSeverities;
  const channels = file.channels;
  uniqueNames(file.severities ?? [], ['severities'], 'severity', report);
  uniqueNames(channels ?? [], ['channels'], 'channel', report);
  const expectOnScale = (severity: string | undefined, path: YamlPath) => {
    if (severity !== undefined && !severities.includes(severity))
      report(path, `severity "${severity}" is not on the scale (${severities.join(', ')})`);
  };
  const expectChannel = (channel: string | undefined, path: YamlPath) => {
    if (channel !== undefined && channels !== undefined && !channels.includes(channel))
      report(path, `channel "${channel}" is not in \`channels\` (${channels.join(', ')})`);
  };

  if (channels?.includes('all'))
    report(
      ['channels', channels.indexOf('all')],
      '"all" is reserved (`channel_down: all`): name the channel otherwise',
    );

  (file.injects ?? []).forEach((inject, i) => {
    const at = ['injects', i];
    (inject.to ?? []).forEach((role, r) => expect('role', role, [...at, 'to', r]));
    expect('role', inject.from, [...at, 'from']);
    expectWhen(inject.when, [...at, 'when']);
    if (inject.pages !== undefined && !ids.path.has(inject.pages) && !ids.role.has(inject.pages))
      report(
        [...at, 'pages'],
        `\`pages\` names no escalation path or role: "${inject.pages}" (paths: ${[...ids.path].join(', ') || 'none'})`,
      );
    (inject.effects ?? []).forEach((effect, e) => {
      const where = [...at, 'effects', e];
      expect('role', effect.unavailable, [...where, 'unavailable']);
      expectOnScale(effect.severity, [...where, 'severity']);
      const down = effect.channel_down;
      if (typeof down === 'string' && down !== 'all')
        expectChannel(down, [...where, 'channel_down']);
      if (Array.isArray(down))
        down.forEach((channel, c) => expectChannel(channel, [...where, 'channel_down', c]));
      (effect.channels ?? []).forEach((channel, c) =>
        expectChannel(channel, [...where, 'channels', c]),
      );
      expectUntil(effect.until, [...where, 'until']);
      expect('experiment', effect.start_experiment, [...where, 'start_experiment']);
      expect('experiment', effect.stop_experiment, [...where, 'stop_experiment']);
    });
    expectInOrder(inject.metric?.points ?? [], [...at, 'metric', 'points'], report);
    (inject.metric?.branches ?? []).forEach((branch, b) => {
      const where = [...at, 'metric', 'branches', b];
      expectWhen(branch.when, [...where, 'when']);
      expectInOrder(branch.points, [...where, 'points'], report);
    });
  });

  (file.expectations ?? []).forEach((expectation, e) => {
    const at = ['expectations', e];
    expect('inject', expectation.trigger.inject, [...at, 'trigger', 'inject']);
    expect('expectation', expectation.trigger.expectation, [...at, 'trigger', 'expectation']);
    expect('role', expectation.escalate_to, [...at, 'escalate_to']);
    expect('path', expectation.path, [...at, 'path']);
    expect('decision', expectation.decide, [...at, 'decide']);
    expectOnScale(expectation.declare, [...at, 'declare']);
    expect('role', expectation.handoff?.from, [...at, 'handoff', 'from']);
    expect('role', expectation.handoff?.to, [...at, 'handoff', 'to']);
    (expectation.by ?? []).forEach((role, r) => expect('role', role, [...at, 'by', r]));
    const path = file.escalation_paths?.find((candidate) => candidate.id === expectation.path);
    if (path && !path.levels.some((level) => level.role === expectation.escalate_to)) {
      report(
        [...at, 'path'],
        `role "${expectation.escalate_to}" is not a level of path "${path.id}"`,
      );
    }
  });
  file.roles.forEach((role, r) => expect('template', role.template, ['roles', r, 'template']));
  (file.phases ?? []).forEach((phase, p) => {
    if (phase.story_time !== undefined && file.story === undefined)
      report(
        ['phases', p, 'story_time'],
        '`story_time` needs `story: {starts_at}` at the top level',
      );
  });

  const authorities = new Set(file.roles.flatMap((role) => role.authority ?? []));
  (file.decisions ?? []).forEach((decision, d) => {
    if (decision.needs !== undefined && !authorities.has(decision.needs)) {
      report(['decisions', d, 'needs'], `no role holds the authority "${decision.needs}"`);
    }
    uniqueNames(decision.options ?? [], ['decisions', d, 'options'], 'option', report);
  });
  (file.checklists ?? []).forEach((checklist, c) =>
    expect('role', checklist.role, ['checklists', c, 'role']),
  );
  (file.experiments ?? []).forEach((experiment, x) => {
    if (typeof experiment.start === 'object' && 'when' in experiment.start) {
      expectWhen(experiment.start.when, ['experiments', x, 'start', 'when']);
    }
  });
  return findings;
}

function expectInOrder(
  points: readonly (readonly [unknown, number])[],
  path: YamlPath,
  report: (path: YamlPath, message: string) => void,
): void {
  points.forEach(([time], p) => {
    const previous = points[p - 1];
    if (previous && (parseDuration(time) ?? 0) < (parseDuration(previous[0]) ?? 0)) {
      report([...path, p, 0], 'metric points must be in time order');
    }
  });
}

/** A scale lists each level once: a repeat makes "at least X" ambiguous. */
function uniqueNames(
  names: readonly string[],
  path: YamlPath,
  kind: string,
  report: (path: YamlPath, message: string) => void,
): void {
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) report([...path, index], `duplicate ${kind} "${name}"`);
  });
}

function uniqueIds(
  items: readonly { id: string }[],
  path: YamlPath,
  kind: string,
  report: (path: YamlPath, message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) report([...path, index, 'id'], `duplicate ${kind} id "${item.id}"`);
    seen.add(item.id);
  });
  return seen;
}

function unknownMessage(kind: keyof IdSets, value: string, known: ReadonlySet<string>): string {
  const noun = kind === 'path' ? 'escalation path' : kind;
  if (kind === 'template' && known.size === 0)
    return `unknown template "${value}" (the scenario's \`templates\` name none)`;
  if (known.size === 0) return `unknown ${noun} "${value}" (the scenario defines none)`;
  const names = [...known];
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
  return `unknown ${noun} "${value}" (known: ${shown})`;
}
