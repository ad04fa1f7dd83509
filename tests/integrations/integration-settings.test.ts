import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeIntegrations,
  pagerDutyEventsUrl,
  readIntegrationSettings,
} from '../../src/server/integrations/integration-settings';

function dataFolder(file?: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), 'firedrill-integrations-'));
  if (file !== undefined)
    writeFileSync(
      join(folder, 'integrations.json'),
      typeof file === 'string' ? file : JSON.stringify(file),
    );
  return folder;
}

describe('when nothing is configured', () => {
  it('has no chat, no routing key, and PagerDuty’s own events URL', () => {
    const settings = readIntegrationSettings({}, dataFolder());
    expect(settings).toMatchObject({
      slackWebhookUrl: null,
      teamsWebhookUrl: null,
      pagerDutyEventsUrl,
    });
    expect(describeIntegrations(settings)).toEqual({ chat: [], pageRoutingKeys: [] });
  });
});

describe('when settings come from the environment and integrations.json', () => {
  it('reads both, the environment winning, and names routing keys as scenarios do', () => {
    const folder = dataFolder({
      FIREDRILL_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/file',
      FIREDRILL_TEAMS_WEBHOOK_URL: 'https://example.webhook.office.com/workflows/1',
      FIREDRILL_PAGERDUTY_ROUTING_KEY_PAYMENTS_TEAM: 'R0FILE',
    });
    const settings = readIntegrationSettings(
      {
        FIREDRILL_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/env',
        FIREDRILL_PAGERDUTY_ROUTING_KEY_DRILL: 'R0ENV',
        PATH: '/usr/bin',
      },
      folder,
    );
    expect(settings.slackWebhookUrl).toBe('https://hooks.slack.com/services/T/B/env');
    expect(settings.teamsWebhookUrl).toBe('https://example.webhook.office.com/workflows/1');
    expect([...settings.pagerDutyRoutingKeys]).toEqual([
      ['payments-team', 'R0FILE'],
      ['drill', 'R0ENV'],
    ]);
    expect(describeIntegrations(settings)).toEqual({
      chat: ['slack', 'teams'],
      pageRoutingKeys: ['drill', 'payments-team'],
    });
  });

  it('never shows a URL or a key in what it describes', () => {
    const settings = readIntegrationSettings(
      {
        FIREDRILL_SLACK_WEBHOOK_URL: 'https://hooks.slack.com/x',
        FIREDRILL_PAGERDUTY_ROUTING_KEY_A: 'SECRET',
      },
      dataFolder(),
    );
    const shown = JSON.stringify(describeIntegrations(settings));
    expect(shown).not.toContain('hooks.slack.com');
    expect(shown).not.toContain('SECRET');
  });
});

describe('when a setting cannot be used', () => {
  it.each([
    [
      { FIREDRILL_SLACK_WEBHOOK_URL: 'hooks.slack.com' },
      {},
      /FIREDRILL_SLACK_WEBHOOK_URL is not a URL/,
    ],
    [{ FIREDRILL_TEAMS_WEBHOOK_URL: 'ftp://x' }, {}, /must be an http or https URL/],
    [{ FIREDRILL_PAGERDUTY_ROUTING_KEY_bad__name: 'k' }, {}, /routing key's name is upper-case/],
    [
      {},
      { FIREDRILL_SLAK_WEBHOOK_URL: 'https://x' },
      /unknown setting "FIREDRILL_SLAK_WEBHOOK_URL"/,
    ],
    [{}, { FIREDRILL_SLACK_WEBHOOK_URL: 3 }, /must be a string/],
    [{}, ['not', 'an', 'object'], /one JSON object/],
    [{}, '{ "FIREDRILL_SLACK', /not valid JSON/],
  ])('refuses %j with file %j, naming the setting', (env, file, message) => {
    expect(() => readIntegrationSettings(env, dataFolder(file))).toThrow(message);
  });
});
