import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

describe('when firedrill guide is run', () => {
  it('prints the markdown guide for a scenario id', async () => {
    const result = await runCli('guide', 'db-failover-sev2', '--markdown');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Facilitator's guide: /);
    expect(result.stdout).toContain('## Master scenario events list');
  });

  it('fails with the problem for a file that does not load', async () => {
    const result = await runCli('guide', 'scenarios/no-such-scenario.yaml');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no-such-scenario.yaml');
  });
});
