/** A recharts category tick that draws its label fitted to the axis, the full name as its title. */
export interface TickProps {
  readonly x?: number | string;
  readonly y?: number | string;
  readonly payload?: { readonly value?: unknown };
  readonly textAnchor?: string;
}

export function fittedTick({
  labelOf,
  fit,
  fontPx = 12,
  fill = '#44403c',
}: {
  /** The full label for a tick value (a row number or a category). */
  labelOf: (value: unknown) => string;
  fit: (label: string) => string;
  fontPx?: number;
  fill?: string;
}) {
  return function FittedTick({ x, y, payload }: TickProps) {
    const label = labelOf(payload?.value);
    return (
      <g transform={`translate(${Number(x ?? 0)},${Number(y ?? 0)})`}>
        <title>{label}</title>
        <text x={-6} y={0} dy="0.35em" textAnchor="end" fontSize={fontPx} fill={fill}>
          {fit(label)}
        </text>
      </g>
    );
  };
}
