/**
 * Audience roles (a status page, customers, the press) are published to, never played:
 * they cannot be simulated, hold authority, sit on a path, be paged, act or acknowledge.
 * Faking them as NPCs is what inflated wave 1's acknowledgement scores.
 */
import type { PathFinding } from './check-references';
import type { ScenarioFile, WhenFile } from './schema';
import type { YamlPath } from './yaml-source';

export function checkAudiences(file: ScenarioFile): PathFinding[] {
  const findings: PathFinding[] = [];
  const audiences = new Set(file.roles.filter((role) => role.audience).map((role) => role.id));
  if (audiences.size === 0) return findings;
  const refuse = (role: string | undefined, path: YamlPath, what: string) => {
    if (role !== undefined && audiences.has(role))
      findings.push({ path, message: `"${role}" is an audience role: ${what}` });
  };

  file.roles.forEach((role, r) => {
    if (!role.audience) return;
    if (role.npc)
      refuse(
        role.id,
        ['roles', r, 'npc'],
        'an audience cannot be an `npc` (it never acknowledges)',
      );
    if (role.authority?.length)
      refuse(role.id, ['roles', r, 'authority'], 'an audience holds no authority');
  });
  (file.escalation_paths ?? []).forEach((path, p) =>
    path.levels.forEach((level, l) =>
      refuse(
        level.role,
        ['escalation_paths', p, 'levels', l, 'role'],
        'an audience is on no escalation path',
      ),
    ),
  );
  const whenOf = (when: WhenFile | undefined, path: YamlPath) =>
    refuse(when?.acknowledged, [...path, 'acknowledged'], 'an audience never acknowledges');
  (file.injects ?? []).forEach((inject, i) => {
    refuse(
      inject.pages,
      ['injects', i, 'pages'],
      'an audience cannot be paged (escalate to it instead)',
    );
    whenOf(inject.when, ['injects', i, 'when']);
    (inject.metric?.branches ?? []).forEach((branch, b) =>
      whenOf(branch.when, ['injects', i, 'metric', 'branches', b, 'when']),
    );
  });
  (file.experiments ?? []).forEach((experiment, x) => {
    if (typeof experiment.start === 'object' && 'when' in experiment.start)
      whenOf(experiment.start.when, ['experiments', x, 'start', 'when']);
  });
  (file.expectations ?? []).forEach((expectation, e) => {
    (expectation.by ?? []).forEach((role, r) =>
      refuse(role, ['expectations', e, 'by', r], 'an audience does not act'),
    );
    refuse(
      expectation.handoff?.from,
      ['expectations', e, 'handoff', 'from'],
      'an audience does not hand off',
    );
    refuse(
      expectation.handoff?.to,
      ['expectations', e, 'handoff', 'to'],
      'an audience takes no handoff',
    );
  });
  (file.checklists ?? []).forEach((checklist, c) =>
    refuse(checklist.role, ['checklists', c, 'role'], 'an audience has no checklist'),
  );
  return findings;
}
