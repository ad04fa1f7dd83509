/**
 * The checks a shape cannot express: ids unique per kind, every reference resolvable,
 * escalation paths coherent, metric series ordered. Each finding names the path of the
 * offending value so the loader can point at it.
 */
import { parseDuration } from './duration';
import type { ScenarioFile, WhenFile } from './schema';
import { defaultSeverities } from './types';
import type { YamlPath } from './yaml-source';

export interface PathFinding {
  readonly path: YamlPath;
  readonly message: string;
}

type IdSets = Record<
  'role' | 'inject' | 'expectation' | 'experiment' | 'path',
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
  };
  uniqueIds(file.decisions ?? [], ['decisions'], 'decision', report);
  uniqueIds(file.checklists ?? [], ['checklists'], 'checklist', report);

  const expect = (kind: keyof IdSets, value: string | undefined, path: YamlPath) => {
    if (value !== undefined && !ids[kind].has(value))
      report(path, unknownMessage(kind, value, ids[kind]));
  };
  const expectWhen = (when: WhenFile | undefined, path: YamlPath) => {
    if (!when) return;
    expect('inject', when.after, [...path, 'after']);
    expect('expectation', when.unmet, [...path, 'unmet']);
    expect('expectation', when.met, [...path, 'met']);
    expect('experiment', when.experiment, [...path, 'experiment']);
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

  (file.injects ?? []).forEach((inject, i) => {
    const at = ['injects', i];
    (inject.to ?? []).forEach((role, r) => expect('role', role, [...at, 'to', r]));
    expect('role', inject.from, [...at, 'from']);
    expectWhen(inject.when, [...at, 'when']);
    (inject.effects ?? []).forEach((effect, e) => {
      expect('role', effect.unavailable, [...at, 'effects', e, 'unavailable']);
      expectOnScale(effect.severity, [...at, 'effects', e, 'severity']);
      expectChannel(effect.channel_down, [...at, 'effects', e, 'channel_down']);
      expect('experiment', effect.start_experiment, [...at, 'effects', e, 'start_experiment']);
      expect('experiment', effect.stop_experiment, [...at, 'effects', e, 'stop_experiment']);
    });
    const points = inject.metric?.points ?? [];
    points.forEach(([time], p) => {
      const previous = points[p - 1];
      if (previous && (parseDuration(time) ?? 0) < (parseDuration(previous[0]) ?? 0)) {
        report([...at, 'metric', 'points', p, 0], 'metric points must be in time order');
      }
    });
  });

  (file.expectations ?? []).forEach((expectation, e) => {
    const at = ['expectations', e];
    expect('inject', expectation.trigger.inject, [...at, 'trigger', 'inject']);
    expect('expectation', expectation.trigger.expectation, [...at, 'trigger', 'expectation']);
    expect('role', expectation.escalate_to, [...at, 'escalate_to']);
    expect('path', expectation.path, [...at, 'path']);
    const path = file.escalation_paths?.find((candidate) => candidate.id === expectation.path);
    if (path && !path.levels.some((level) => level.role === expectation.escalate_to)) {
      report(
        [...at, 'path'],
        `role "${expectation.escalate_to}" is not a level of path "${path.id}"`,
      );
    }
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
  if (known.size === 0) return `unknown ${noun} "${value}" (the scenario defines none)`;
  const names = [...known];
  const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
  return `unknown ${noun} "${value}" (known: ${shown})`;
}
