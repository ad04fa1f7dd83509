/**
 * What a drill will page for real, as the pre-flight shows it and arming checks it: each
 * routing key name the scenario uses, whether this server has it, and where it is paged
 * from. Names only: a routing key never leaves the server.
 */
import { realPageSources } from '../../engine/real-pages';
import type { PreflightPage } from '../../protocol/preflight';
import type { Scenario } from '../../scenario/types';
import type { IntegrationSettings } from './integration-settings';

export function preflightPages(scenario: Scenario, settings: IntegrationSettings): PreflightPage[] {
  const byKey = new Map<string, string[]>();
  for (const { page, from } of realPageSources(scenario)) {
    const sources = byKey.get(page.routingKeyRef) ?? [];
    if (!sources.includes(from)) sources.push(from);
    byKey.set(page.routingKeyRef, sources);
  }
  return [...byKey].map(([routingKeyRef, from]) => ({
    routingKeyRef,
    configured: settings.pagerDutyRoutingKeys.has(routingKeyRef),
    from,
  }));
}

/** Why real pages cannot be armed for this scenario on this server, or null when they can. */
export function pageArmingProblem(
  scenario: Scenario,
  settings: IntegrationSettings,
): string | null {
  const pages = preflightPages(scenario, settings);
  if (pages.length === 0) return 'this scenario has no page_real: there is nothing to arm';
  const missing = pages.filter((page) => !page.configured).map((page) => page.routingKeyRef);
  if (missing.length === 0) return null;
  const settingsNeeded = missing.map(
    (name) => `FIREDRILL_PAGERDUTY_ROUTING_KEY_${name.toUpperCase().replaceAll('-', '_')}`,
  );
  return `this server has no routing key for ${missing.join(', ')}: set ${settingsNeeded.join(', ')} (environment or integrations.json) and restart`;
}
