/**
 * A chart's category labels, fitted before recharts draws them: a label column as wide as the
 * longest label (within bounds), and labels too long for it cut with an ellipsis, so a name
 * never runs under the plot or off the left edge. The full name stays in the tick's title.
 */
export interface LabelColumn {
  /** Pixels for the axis: the longest fitted label, plus the tick line and a margin. */
  readonly width: number;
  /** The label as it fits the column. */
  readonly fit: (label: string) => string;
}

// Proportional sans-serif text averages about 0.58 em per character.
const emPerChar = 0.58;
const tickMarginPx = 16;

export function labelColumn(
  labels: readonly string[],
  {
    fontPx = 12,
    minPx = 60,
    maxPx = 260,
  }: { fontPx?: number; minPx?: number; maxPx?: number } = {},
): LabelColumn {
  const charPx = fontPx * emPerChar;
  const maxChars = Math.max(4, Math.floor((maxPx - tickMarginPx) / charPx));
  const fit = (label: string) =>
    label.length <= maxChars ? label : `${label.slice(0, maxChars - 1).trimEnd()}…`;
  const longest = Math.max(0, ...labels.map((label) => fit(label).length));
  const width = Math.min(maxPx, Math.max(minPx, Math.ceil(longest * charPx) + tickMarginPx));
  return { width, fit };
}
