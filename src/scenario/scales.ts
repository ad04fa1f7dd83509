/**
 * The scales a scenario may set for itself: its severity levels (most severe first) and the
 * channels its messages travel on. Without `channels:`, api.md's list applies and any other
 * name is free text.
 */
export const defaultChannels = ['page', 'phone', 'chat', 'bridge', 'email'] as const;

/** What a form offers to pick from. */
export function channelsOf(scenario: {
  readonly channels: readonly string[] | null;
}): readonly string[] {
  return scenario.channels ?? defaultChannels;
}

/** Why a channel cannot be used in this scenario, or `null` when it can. */
export function channelProblem(
  scenario: { readonly channels: readonly string[] | null },
  channel: string,
): string | null {
  if (scenario.channels === null || scenario.channels.includes(channel)) return null;
  return `channel "${channel}" is not one of this scenario's channels (${scenario.channels.join(', ')})`;
}

/** Why a severity cannot be declared in this scenario, or `null` when it can. */
export function severityProblem(
  scenario: { readonly severities: readonly string[] },
  severity: string,
): string | null {
  if (scenario.severities.includes(severity)) return null;
  return `severity "${severity}" is not on this scenario's scale (${scenario.severities.join(', ')})`;
}

/**
 * The levels a declaration of `declared` satisfies: itself and every less severe one (listed
 * after it), since "at least SEV2" is SEV2 or anything before it. Off the scale: none.
 */
export function levelsSatisfiedBy(
  scenario: { readonly severities: readonly string[] },
  declared: string,
): readonly string[] {
  const level = scenario.severities.indexOf(declared);
  return level === -1 ? [] : scenario.severities.slice(level);
}
