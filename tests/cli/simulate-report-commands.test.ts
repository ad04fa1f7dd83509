/**
 * `firedrill simulate` and `firedrill report` as a user runs them: the command's `main` (the real
 * `bin/firedrill.js` where the process matters), on the shipped scenarios and their scripts.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import type { Scenario } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';
import { runCli, spawnCli } from '../support/run-cli';

/** In this process, as `bin/firedrill.js` calls it (`spawnCli` where the real process matters). */
const run = runCli;

/** Every test spawns Node with the TypeScript loader: give a busy machine time. */
const slow = { timeout: 60_000 };

const shipped = readdirSync(join(repoRoot, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const file = `scenarios/${name}`;
    const loaded = loadScenarioText(readFileSync(join(repoRoot, file), 'utf8'), file);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    return {
      file,
      script: `examples/responses/${name.replace(/\.yaml$/, '.good.yaml')}`,
      scenario: loaded.scenario,
    };
  });
const dbFailover = 'scenarios/db-failover-sev2.yaml';
const dbFailoverScript = 'examples/responses/db-failover-sev2.good.yaml';
const scriptFixture = (name: string) => `tests/fixtures/scripts/${name}`;
const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'firedrill-')), name);

interface SimulatedCard {
  readonly expectations: readonly unknown[];
  readonly metrics: { readonly escalations: number };
  readonly decisions: readonly unknown[];
}

interface TimelineRow {
  readonly at: string;
  readonly outcome: string;
  readonly inject: string;
}

/** The rows of the `Inject timeline` block that `--timeline` prints before the scorecard. */
function timelineRows(stdout: string): TimelineRow[] {
  const [heading, ...rest] = stdout.split('\n');
  expect(heading).toBe('Inject timeline');
  return rest
    .slice(0, rest.indexOf(''))
    .map((line) => line.trim().split(/\s+/))
    .map(([at = '', outcome = '', inject = '']) => ({ at, outcome, inject }));
}

/** `T+07:45` in seconds. */
const drillSeconds = (at: string) => {
  const [minutes = '', seconds = ''] = at.replace('T+', '').split(':');
  return Number(minutes) * 60 + Number(seconds);
};

describe.each(shipped)('firedrill simulate $file with its example script', (shippedDrill) => {
  const { file, script, scenario } = shippedDrill;

  it('exits 0 and prints a JSON exercise scorecard with every expectation', slow, async () => {
    const result = await run('simulate', file, '--script', script, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const card = JSON.parse(result.stdout) as {
      exercise: unknown;
      scenario: unknown;
      expectations: { id: string }[];
    };
    expect(card.exercise).toBe(true);
    expect(card.scenario).toBe(scenario.id);
    expect(card.expectations.map(({ id }) => id)).toEqual(
      scenario.expectations.map(({ id }) => id),
    );
  });

  it('lists every inject of the scenario on --timeline', slow, async () => {
    const result = await run('simulate', file, '--script', script, '--timeline');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(
      timelineRows(result.stdout)
        .map(({ inject }) => inject)
        .sort(),
    ).toEqual(scenario.injects.map(({ id }) => id).sort());
  });

  it(
    'prints a Markdown scorecard under a heading that says it is exercise data',
    slow,
    async () => {
      const result = await run('simulate', file, '--script', script, '--markdown');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^# /);
      expect(result.stdout).toContain('EXERCISE DATA');
      expect(result.stdout).toContain('not real incident metrics');
    },
  );
});

describe('firedrill simulate with a script the drill refuses', () => {
  it(
    'exits 1 with each refused step as SCRIPT:LINE:COLUMN on stderr, and still prints the scorecard',
    slow,
    async () => {
      const script = scriptFixture('ack-nothing-open.yaml');
      const result = await run('simulate', dbFailover, '--script', script, '--json');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `${script}:4:5: ack at 1m refused: nothing open to acknowledge for "ic"\n`,
      );
      const card = JSON.parse(result.stdout) as {
        scenario: string;
        metrics: { escalations: number };
      };
      expect(card).toMatchObject({ scenario: 'db-failover-sev2', metrics: { escalations: 1 } });
    },
  );
});

describe('firedrill simulate with a message field outside its template', () => {
  it('exits 1 with each such step refused at its position, naming the fields', slow, async () => {
    const script = scriptFixture('misspelled-template-field.yaml');
    const result = await run('simulate', dbFailover, '--script', script, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${script}:4:5: escalate at 2m refused: field "next_updaet" not in the escalation template (fields: situation, impact, actions_taken, ask, next_update)\n` +
        `${script}:10:5: handoff at 4m refused: field "ownr" not in the handoff template (fields: current_state, open_actions, risks, owner)\n`,
    );
    const card = JSON.parse(result.stdout) as { metrics: { escalations: number } };
    expect(card.metrics.escalations).toBe(0);
  });
});

describe('firedrill simulate with a script that is not well-formed', () => {
  it('exits 1 with the problem as FILE:LINE:COLUMN and runs no drill', slow, async () => {
    const script = scriptFixture('step-without-at.yaml');
    const result = await run('simulate', dbFailover, '--script', script, '--json');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${script}:5:5: every scripted action needs \`at\`, the drill time it happens\n`,
    });
  });
});

describe('firedrill simulate and report usage errors', () => {
  it.each([
    [['simulate'], 'simulate takes exactly one scenario file'],
    [['simulate', dbFailover, '--json', '--markdown'], 'choose one of --json, --markdown'],
    [['simulate', dbFailover, '--seed', 'abc'], '--seed takes a whole number'],
    [['simulate', dbFailover, '--seed', '1.5'], '--seed takes a whole number'],
    [['simulate', dbFailover, '--verbose'], "Unknown option '--verbose'"],
    [
      ['simulate', dbFailover, '--script', 'no/such/script.yaml'],
      'no/such/script.yaml: cannot read the script',
    ],
    [['report'], 'report takes exactly one drill export'],
    [['report', 'a.json', '--json', '--csv'], 'choose one of --json, --markdown, --csv'],
    [['report', 'no/such/export.json'], 'no/such/export.json: cannot read the file'],
  ])('exits 2 with the usage for %j', slow, async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`firedrill: ${message}`);
    expect(result.stderr).toContain(`Usage: firedrill ${args[0]} `);
    expect(result.stdout).toBe('');
  });

  // `--seed="$SEED"` with SEED unset must not quietly run seed 0 (`Number('')` is 0).
  it('exits 2 for an empty --seed', slow, async () => {
    const result = await run('simulate', dbFailover, '--seed=', '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('firedrill: --seed takes a whole number');
  });
});

describe('the same scenario, script and seed', () => {
  it('print byte-identical JSON scorecards twice', slow, async () => {
    const args = [
      'simulate',
      'scenarios/az-impairment-gameday.yaml',
      '--script',
      'examples/responses/az-impairment-gameday.good.yaml',
      '--seed',
      '5',
      '--json',
    ];
    const [first, second] = await Promise.all([run(...args), run(...args)]);
    expect(first?.code).toBe(0);
    expect(first?.stdout.length).toBeGreaterThan(0);
    expect(second?.stdout).toBe(first?.stdout);
  });
});

describe('--seed', () => {
  const between = (scenario: Scenario) =>
    scenario.injects.flatMap(({ id, timing }) =>
      timing.type === 'between'
        ? [{ id, fromS: timing.fromMs / 1000, toS: timing.toMs / 1000 }]
        : [],
    );

  it('draws different times for `between` injects, each inside its window', slow, async () => {
    const { scenario } = shipped.find(({ file }) => file === dbFailover) ?? {};
    if (!scenario) throw new Error(`${dbFailover} is not shipped`);
    const windows = between(scenario);
    expect(windows.length).toBeGreaterThan(0);
    const drawnTimes = async (seed: string) => {
      const result = await run('simulate', dbFailover, '--seed', seed, '--timeline');
      expect(result.code).toBe(0);
      const rows = timelineRows(result.stdout);
      return windows.map(({ id }) => rows.find((row) => row.inject === id)?.at ?? 'missing');
    };
    const [seedOne, seedTwo] = await Promise.all([drawnTimes('1'), drawnTimes('2')]);
    expect(seedTwo).not.toEqual(seedOne);
    for (const times of [seedOne, seedTwo])
      windows.forEach(({ fromS, toS }, index) => {
        const at = drillSeconds(times[index] ?? '');
        expect(at).toBeGreaterThanOrEqual(fromS);
        expect(at).toBeLessThanOrEqual(toS);
      });
  });
});

describe('firedrill simulate --seed with a script that has a seed', () => {
  it('runs the --seed and says on stderr that it overrides the script', slow, async () => {
    const script = 'examples/responses/db-failover-sev2.good.yaml';
    const result = await spawnCli(
      'simulate',
      dbFailover,
      '--script',
      script,
      '--seed',
      '9',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("firedrill: --seed 9 overrides the script's seed 3\n");
    expect((JSON.parse(result.stdout) as { seed: number }).seed).toBe(9);
  });
});

describe('firedrill piped into a reader that stops reading', () => {
  it('exits 0 without an EPIPE stack trace', slow, async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', ['bin/firedrill.js', 'simulate', dbFailover, '--timeline'], {
      cwd: repoRoot,
    });
    child.stdout.destroy(); // the reader went away before the first line
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('firedrill report of a simulated drill', () => {
  const exported = tempFile('drill.json');
  let simulated: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    simulated = await run(
      'simulate',
      dbFailover,
      '--script',
      dbFailoverScript,
      '--json',
      '--export',
      exported,
    );
    expect(simulated.code).toBe(0);
  }, slow.timeout);

  it('writes the after-action report beside the log, as the server export does', () => {
    const written = JSON.parse(readFileSync(exported, 'utf8')) as {
      report?: { markdown: string; document: { sections: unknown[] } };
      players?: unknown;
    };
    expect(written.report?.markdown).toMatch(/^# After-action report: /);
    expect(written.report?.document.sections).toHaveLength(5);
    expect(written).not.toHaveProperty('players');
  });

  it(
    'prints, from the export, a JSON scorecard equal to the one simulate printed',
    slow,
    async () => {
      const reported = await run('report', exported, '--json');
      expect(reported).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(reported.stdout)).toEqual(JSON.parse(simulated.stdout));
    },
  );

  it(
    'prints, with --markdown, the after-action report: overview, roster, objectives, plan',
    slow,
    async () => {
      const reported = await run('report', exported, '--markdown');
      expect(reported).toMatchObject({ code: 0, stderr: '' });
      expect(reported.stdout).toMatch(/^# After-action report: /);
      for (const heading of [
        '### Roster',
        '### Decisions',
        '## 4. Improvement plan',
        '## 5. Timeline',
      ])
        expect(reported.stdout).toContain(heading);
      expect(reported.stdout).toContain('EXERCISE DATA');
    },
  );

  it.each([
    {
      args: ['--csv'],
      header:
        'id,title,verdict,triggered_at_s,escalated_at_s,latency_s,target_s,deadline_s,score,anticipated,by,to,exercise,kind,met_at_s',
      rows: (card: SimulatedCard) => card.expectations.length,
    },
    {
      args: ['--csv', 'escalations'],
      header:
        'seq,at_s,from,to,channel,delivered,undelivered_reason,acknowledged_at_s,ack_latency_s,communication_pct,retracted,exercise,message',
      rows: (card: SimulatedCard) => card.metrics.escalations,
    },
    {
      args: ['--csv', 'decisions'],
      header: 'seq,at_s,decision,option,by,authorised,exercise',
      rows: (card: SimulatedCard) => card.decisions.length,
    },
  ])(
    'prints CSV with its header row and a record per row for $args',
    slow,
    async ({ args, header, rows }) => {
      const result = await run('report', exported, ...args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const records = result.stdout.split('\r\n');
      expect(records[0]).toBe(header);
      expect(records.at(-1)).toBe('');
      // Records end in CRLF; line breaks inside a quoted message are bare LF.
      expect(records.slice(1, -1)).toHaveLength(
        rows(JSON.parse(simulated.stdout) as SimulatedCard),
      );
    },
  );
});

describe('firedrill report of a malformed export', () => {
  it('exits 1 with the problem as FILE:LINE:COLUMN and no stack trace', slow, async () => {
    const file = 'tests/fixtures/exports/payload-wrong-type.json';
    const result = await run('report', file, '--json');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${file}:35:15: $.log[3].payload.to: Invalid input: expected string, received number\n`,
    });
  });
});

describe('firedrill simulate --timeline of a drill with events beside its injects', () => {
  it(
    'prints the system page, the decisions, the severity and the ad-hoc inject in drill time',
    slow,
    async () => {
      const result = await run(
        'simulate',
        'tests/fixtures/scenarios/timeline-events.yaml',
        '--script',
        scriptFixture('timeline-events.yaml'),
        '--timeline',
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const events = result.stdout.split('Drill events\n')[1]?.split('\n\n')[0]?.split('\n');
      expect(events).toEqual([
        ' T+04:00  page      system page → ic (engineering, level 2)',
        ' T+05:00  decision  rollback → now by oncall, not authorised — "It is only a config flag."',
        ' T+06:00  decision  rollback → after-canary by ic, authorised — "Canary first."',
        ' T+07:00  severity  SEV2 declared by ic',
        ' T+08:00  adhoc     message "The CFO is on the phone" → ic',
      ]);
    },
  );
});
