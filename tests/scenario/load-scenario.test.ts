import { describe, expect, it } from 'vitest';
import {
  loadScenarioBytes,
  loadScenarioText,
  maxScenarioBytes,
} from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import { readFixture } from '../support/fixtures';

const minimal = readFixture('minimal.yaml').toString('utf8');

describe('loading a valid scenario', () => {
  const result = loadScenarioText(minimal, 'minimal.yaml');
  const scenario = result.ok ? result.scenario : undefined;

  it('returns the typed scenario with durations in milliseconds', () => {
    expect(result.ok).toBe(true);
    expect(scenario?.durationMs).toBe(20 * 60_000);
    expect(scenario?.expectations[0]).toMatchObject({
      targetMs: 300_000,
      deadlineMs: 900_000,
      goal: { kind: 'escalate', role: 'ic', path: null },
      by: null,
      everyMs: null,
      anticipate: true,
    });
    expect(scenario?.injects[0]?.timing).toEqual({ type: 'at', atMs: 60_000 });
  });

  it('fills in the documented defaults', () => {
    expect(scenario).toMatchObject({
      version: 1,
      mode: 'tabletop',
      tags: [],
      summary: '',
      decisions: [],
      checklists: [],
    });
    expect(scenario?.injects[0]).toMatchObject({ chance: 1, to: null, effects: [], questions: [] });
    expect(scenario?.escalationPaths[0]).toMatchObject({
      autoAdvance: false,
      levels: [
        { role: 'oncall', ackWithinMs: 300_000 },
        { role: 'ic', ackWithinMs: 300_000 },
      ],
    });
    expect(scenario?.weights).toEqual({
      timeliness: 0.5,
      communication: 0.2,
      acknowledgement: 0.15,
      checklists: 0.15,
    });
    expect(scenario?.templates).toEqual({ escalation: null, handoff: null, named: {} });
    expect(scenario?.story).toBeNull();
    expect(scenario?.phases).toEqual([]);
  });

  it('is immutable, all the way down', () => {
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario?.roles[0])).toBe(true);
    expect(Object.isFrozen(scenario?.expectations[0]?.trigger)).toBe(true);
  });

  it('accepts versions 1 and 2 and refuses others', () => {
    expect(loadScenarioText(`version: 1\n${minimal}`, 'v1.yaml').ok).toBe(true);
    expect(loadScenarioText(`version: 2\n${minimal}`, 'v2.yaml').ok).toBe(true);
    const v3 = loadScenarioText(`version: 3\n${minimal}`, 'v3.yaml');
    expect(v3.ok ? [] : v3.problems.map(formatProblem)).toEqual([
      'v3.yaml:1:10: version: this Firedrill reads scenario format versions 1 and 2',
    ]);
  });
});

describe('a file with several problems', () => {
  it('lists every shape problem, in file order', () => {
    const text = minimal
      .replace('duration: 20m', 'duration: soon')
      .replace(
        '{ id: ic, name: Incident commander }',
        '{ id: ic, name: Incident commander, pager: 555 }',
      )
      .replace('kind: alert', 'kind: alarm');
    const result = loadScenarioText(text, 's.yaml');
    expect(
      result.ok ? [] : result.problems.map((problem) => `${problem.line}:${problem.column}`),
    ).toEqual(['3:11', '6:41', '11:24']);
  });

  it('lists every reference problem together', () => {
    const text = minimal
      .replace('escalate_to: ic', 'escalate_to: cto')
      .replace('{ inject: alarm }', '{ inject: alarum }');
    const result = loadScenarioText(text, 's.yaml');
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'expectations[0].trigger.inject: unknown inject "alarum" (known: alarm)',
      'expectations[0].escalate_to: unknown role "cto" (known: oncall, ic)',
    ]);
  });
});

describe('files that are not scenarios at all', () => {
  it('refuses a file over 2 MB with a one-line reason', () => {
    const bytes = new Uint8Array(maxScenarioBytes + 1).fill(0x20);
    const result = loadScenarioBytes(bytes, 'huge.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'huge.yaml:1:1: file is 2.0 MB; scenario files are limited to 2 MB',
    ]);
  });

  it('refuses text that is not UTF-8', () => {
    const result = loadScenarioBytes(
      new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xc3, 0x28]),
      'latin.yaml',
    );
    expect(result.ok ? [] : result.problems[0]?.message).toBe(
      'file is not UTF-8 text, not a YAML scenario',
    );
  });

  it('refuses a document that is only a comment', () => {
    const result = loadScenarioText('# nothing here yet\n', 'comment.yaml');
    expect(result.ok ? [] : result.problems[0]?.message).toBe(
      'expected a mapping of scenario fields at the top level, got nothing',
    );
  });

  it('refuses several YAML documents in one file', () => {
    const result = loadScenarioText(`${minimal}---\nid: second\n`, 'two.yaml');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(
      /^not valid YAML: .*multiple documents/i,
    );
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) {
      lines.push(
        `${'b'.repeat(level)}: &${'b'.repeat(level)} [${Array(10)
          .fill(level === 1 ? '*a' : `*${'b'.repeat(level - 1)}`)
          .join(', ')}]`,
      );
    }
    const result = loadScenarioText(lines.join('\n'), 'bomb.yaml');
    expect(result.ok).toBe(false);
  });
});
