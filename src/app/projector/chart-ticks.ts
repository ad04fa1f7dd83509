/**
 * The y axis of a projector chart, decided before recharts draws it: round ticks that cover
 * the series (from zero when it is all positive), and an axis as wide as its longest label,
 * so 2600 reads 2600 and never "600".
 */
export interface YAxisPlan {
  readonly ticks: readonly number[];
  readonly domain: readonly [number, number];
  readonly labels: readonly string[];
  /** Pixels: the longest label at `fontPx`, plus the tick line and a margin. */
  readonly width: number;
}

const stepFactors = [1, 2, 2.5, 5, 10];

/** A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` intervals. */
function roundStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return (stepFactors.find((factor) => factor * power >= raw) ?? 10) * power;
}

/** The fewest decimals that write every multiple of `step` exactly (0.25 needs two). */
function decimalsOf(step: number): number {
  let decimals = 0;
  while (decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9)
    decimals++;
  return decimals;
}

export function yAxisPlan(values: readonly number[], fontPx: number, count = 4): YAxisPlan {
  const finite = values.filter((value) => Number.isFinite(value));
  const low = Math.min(0, ...finite);
  const high = Math.max(low + 1, ...finite);
  const step = roundStep(high - low, count);
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const decimals = decimalsOf(step);
  const ticks: number[] = [];
  for (let tick = first; tick <= last + step / 2; tick += step)
    ticks.push(Number(tick.toFixed(decimals)));
  const labels = ticks.map((tick) => formatTick(tick, decimals));
  const longest = Math.max(...labels.map((label) => label.length));
  // Tabular digits are about 0.6 em wide in the projector's sans-serif.
  const width = Math.ceil(longest * fontPx * 0.62) + 14;
  return { ticks, domain: [first, ticks.at(-1) ?? last], labels, width };
}

/** A tick as people write numbers on a dashboard: digits, no thousands abbreviated away. */
export function formatTick(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
