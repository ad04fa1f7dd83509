/** The scorecard charts' label columns: wide enough for their names, never wider than allowed. */
import { describe, expect, it } from 'vitest';
import { labelColumn } from '../../src/app/review/chart-labels';

describe('when a chart labels its rows', () => {
  it('makes the column as wide as the longest label, so short names are not padded out', () => {
    const short = labelColumn(['Page IC', 'Declare']);
    const long = labelColumn(['Escalate to the director', 'Declare']);
    expect(long.width).toBeGreaterThan(short.width);
    expect(long.fit('Escalate to the director')).toBe('Escalate to the director');
  });

  it('cuts a label too long for the widest column with an ellipsis, keeping its start', () => {
    const name = 'Escalate the late database failover to the on-call director at SEV1';
    const column = labelColumn([name], { fontPx: 12, maxPx: 160 });
    expect(column.width).toBeLessThanOrEqual(160);
    expect(column.width).toBeGreaterThan(140);
    const fitted = column.fit(name);
    expect(fitted.endsWith('…')).toBe(true);
    expect(name.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(fitted.length * 12 * 0.58).toBeLessThanOrEqual(160);
  });
});
