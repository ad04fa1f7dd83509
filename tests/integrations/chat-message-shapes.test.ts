import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/server/integrations/chat-message';
import { exerciseMarker } from '../../src/server/integrations/chat-message';
import { escapeSlackText, slackMessage } from '../../src/server/integrations/slack-message';
import { teamsMessage } from '../../src/server/integrations/teams-message';

const page: ChatMessage = {
  about: 12,
  headline: 'Page: On-call → Incident commander (page)',
  lines: [
    { label: 'situation', text: 'p99 <500ms> & rising, see <!channel>' },
    { label: 'ask', text: 'Take IC' },
  ],
  context: 'T+04:10 · DB failover · team Blue',
  link: null,
};

const result: ChatMessage = {
  about: 40,
  headline: 'Drill ended — overall score 78/100',
  lines: [{ label: null, text: 'The exercise is over.' }],
  context: 'T+45:00 · DB failover',
  link: { url: 'http://192.168.1.20:8080/drills/d1/scorecard', label: 'Open the scorecard' },
};

describe('when a message goes to Slack', () => {
  it('starts the fallback text and the first block with the exercise marker', () => {
    const body = slackMessage(page);
    expect(body.text.startsWith(escapeSlackText(exerciseMarker))).toBe(true);
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: exerciseMarker },
    });
  });

  it('is a header, a mrkdwn section with the labelled fields, and a context line', () => {
    const body = slackMessage(page);
    expect(body.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    expect(body.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Page: On-call → Incident commander (page)*\n*situation:* p99 &lt;500ms&gt; &amp; rising, see &lt;!channel&gt;\n*ask:* Take IC',
      },
    });
    expect(body.blocks[2]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'T+04:10 · DB failover · team Blue' }],
    });
  });

  it('escapes &, < and > so typed text cannot ping the channel or forge a link', () => {
    const text = JSON.stringify(slackMessage(page));
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(escapeSlackText('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
  });

  it('links the scorecard as a Slack link, the only markup it writes', () => {
    const section = slackMessage(result).blocks[1];
    expect(section?.type === 'section' && section.text.text).toContain(
      '<http://192.168.1.20:8080/drills/d1/scorecard|Open the scorecard>',
    );
  });

  it('keeps a long inject within Slack’s 3,000 characters a section', () => {
    const long = slackMessage({ ...page, lines: [{ label: null, text: 'x'.repeat(5_000) }] });
    const section = long.blocks[1];
    expect(section?.type === 'section' && section.text.text.length).toBe(3_000);
  });
});

describe('when a message goes to Teams', () => {
  it('is a Workflows message with one Adaptive Card 1.4 attachment', () => {
    const body = teamsMessage(page);
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
      },
    });
  });

  it('starts the card with the exercise marker, then the headline, fields and context', () => {
    const { body } = teamsMessage(page).attachments[0].content;
    expect(body[0]).toMatchObject({ type: 'TextBlock', text: exerciseMarker, weight: 'Bolder' });
    expect(body[1]).toMatchObject({ type: 'TextBlock', text: page.headline });
    expect(body[2]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'situation', value: 'p99 <500ms> & rising, see <!channel>' },
        { title: 'ask', value: 'Take IC' },
      ],
    });
    expect(body.at(-1)).toMatchObject({ type: 'TextBlock', text: page.context, isSubtle: true });
    expect(teamsMessage(page).attachments[0].content.actions).toBeUndefined();
  });

  it('opens the scorecard with an Action.OpenUrl once the drill is over', () => {
    expect(teamsMessage(result).attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the scorecard', url: result.link?.url },
    ]);
  });
});
