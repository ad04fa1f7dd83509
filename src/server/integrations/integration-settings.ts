/**
 * Where a drill's real parts go: chat webhooks and PagerDuty routing keys. They live only on
 * the server — environment variables, or the same names in `integrations.json` in the data
 * folder (the environment wins) — never in a scenario, the browser or an export. What the
 * app may see is `describeIntegrations`: which chats and which
 * routing key names exist, never a URL or a key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatName, IntegrationsReply } from '../../protocol/integrations';

export type { ChatName };

/** PagerDuty's Events API v2 enqueue endpoint, unless FIREDRILL_PAGERDUTY_EVENTS_URL says otherwise. */
export const pagerDutyEventsUrl = 'https://events.pagerduty.com/v2/enqueue';

export const integrationsFileName = 'integrations.json';

const routingKeyPrefix = 'FIREDRILL_PAGERDUTY_ROUTING_KEY_';
const knownNames = [
  'FIREDRILL_SLACK_WEBHOOK_URL',
  'FIREDRILL_TEAMS_WEBHOOK_URL',
  'FIREDRILL_PAGERDUTY_EVENTS_URL',
] as const;

export interface IntegrationSettings {
  readonly slackWebhookUrl: string | null;
  readonly teamsWebhookUrl: string | null;
  readonly pagerDutyEventsUrl: string;
  /** Routing keys by the name scenarios use (`routing_key_ref`): lower-case with dashes. */
  readonly pagerDutyRoutingKeys: ReadonlyMap<string, string>;
}

/** Settings that name nothing: no chat, no routing key (tests, and a server without any). */
export const noIntegrations: IntegrationSettings = {
  slackWebhookUrl: null,
  teamsWebhookUrl: null,
  pagerDutyEventsUrl,
  pagerDutyRoutingKeys: new Map(),
};

/** A setting that cannot be used; `serve` prints the message and does not start. */
export class IntegrationSettingsError extends Error {}

type Source = Readonly<Record<string, string | undefined>>;

/**
 * Reads the settings from the environment and `DATA/integrations.json`. Throws an
 * `IntegrationSettingsError` naming the setting for a file that is not a JSON object of
 * strings, an unknown name in the file (a typo would silently page nobody), a URL that is
 * not http(s), or a routing key name that cannot be written in a scenario.
 */
export function readIntegrationSettings(env: Source, dataDirectory: string): IntegrationSettings {
  const fromFile = readSettingsFile(join(dataDirectory, integrationsFileName));
  const merged: Record<string, string> = { ...fromFile };
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value !== '' && isSettingName(name)) merged[name] = value;

  const url = (name: string): string | null => {
    const value = merged[name];
    if (value === undefined) return null;
    return checkUrl(name, value);
  };
  const routingKeys = new Map<string, string>();
  for (const [name, value] of Object.entries(merged)) {
    if (!name.startsWith(routingKeyPrefix)) continue;
    const ref = routingKeyName(name);
    if (value.trim() === '') throw new IntegrationSettingsError(`${name} is empty`);
    routingKeys.set(ref, value.trim());
  }
  return {
    slackWebhookUrl: url('FIREDRILL_SLACK_WEBHOOK_URL'),
    teamsWebhookUrl: url('FIREDRILL_TEAMS_WEBHOOK_URL'),
    pagerDutyEventsUrl: url('FIREDRILL_PAGERDUTY_EVENTS_URL') ?? pagerDutyEventsUrl,
    pagerDutyRoutingKeys: routingKeys,
  };
}

export function describeIntegrations(settings: IntegrationSettings): IntegrationsReply {
  const chat: ChatName[] = [];
  if (settings.slackWebhookUrl) chat.push('slack');
  if (settings.teamsWebhookUrl) chat.push('teams');
  return { chat, pageRoutingKeys: [...settings.pagerDutyRoutingKeys.keys()].sort() };
}

/** The webhook URL for a chat, or null when this server has none for it. */
export function chatWebhookUrl(settings: IntegrationSettings, chat: ChatName): string | null {
  return chat === 'slack' ? settings.slackWebhookUrl : settings.teamsWebhookUrl;
}

function isSettingName(name: string): boolean {
  return (knownNames as readonly string[]).includes(name) || name.startsWith(routingKeyPrefix);
}

/** `FIREDRILL_PAGERDUTY_ROUTING_KEY_PAYMENTS_TEAM` is referred to as `payments-team`. */
function routingKeyName(settingName: string): string {
  const suffix = settingName.slice(routingKeyPrefix.length);
  if (!/^[A-Z0-9]+(_[A-Z0-9]+)*$/.test(suffix))
    throw new IntegrationSettingsError(
      `${settingName}: a routing key's name is upper-case letters, digits and single underscores after ${routingKeyPrefix} (scenarios refer to FIREDRILL_PAGERDUTY_ROUTING_KEY_PAYMENTS_TEAM as payments-team)`,
    );
  return suffix.toLowerCase().replaceAll('_', '-');
}

function checkUrl(name: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new IntegrationSettingsError(`${name} is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new IntegrationSettingsError(`${name} must be an http or https URL`);
  return parsed.href;
}

function readSettingsFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IntegrationSettingsError(
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new IntegrationSettingsError(
      `${path} must be one JSON object of setting names to strings`,
    );
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!isSettingName(name))
      throw new IntegrationSettingsError(
        `${path}: unknown setting ${JSON.stringify(name)} (known: ${knownNames.join(', ')}, ${routingKeyPrefix}<NAME>)`,
      );
    if (typeof value !== 'string')
      throw new IntegrationSettingsError(`${path}: ${name} must be a string`);
    settings[name] = value;
  }
  return settings;
}
