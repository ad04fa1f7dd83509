/**
 * A chat message as a Slack incoming webhook's body (Block Kit): `text` is the fallback that
 * notifications and screen readers show, `blocks` what the channel shows — a header with the
 * exercise marker, a section with what happened, a context line with drill time and team.
 * Slack reads `&`, `<` and `>` in text as markup (`<url|label>`, `<!channel>`), so all text
 * from a scenario or a person is escaped: a typed `<!channel>` must not ping the channel.
 */
import type { ChatMessage } from './chat-message';
import { exerciseMarker } from './chat-message';

export interface SlackTextObject {
  readonly type: 'plain_text' | 'mrkdwn';
  readonly text: string;
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackTextObject }
  | { readonly type: 'section'; readonly text: SlackTextObject }
  | { readonly type: 'context'; readonly elements: readonly SlackTextObject[] };

export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Slack's limits: a header's text 150 characters, a section's 3,000. */
const headerChars = 150;
const sectionChars = 3_000;

/** Escapes what Slack's mrkdwn and plain text read as markup, as Slack's docs ask. */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function slackMessage(message: ChatMessage): SlackMessage {
  const section = [
    `*${escapeSlackText(message.headline)}*`,
    ...message.lines.map(({ label, text }) =>
      label === null
        ? escapeSlackText(text)
        : `*${escapeSlackText(label)}:* ${escapeSlackText(text)}`,
    ),
    ...(message.link ? [`<${message.link.url}|${escapeSlackText(message.link.label)}>`] : []),
  ].join('\n');
  return {
    text: escapeSlackText(`${exerciseMarker}: ${message.headline}`),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: clip(exerciseMarker, headerChars) },
      },
      { type: 'section', text: { type: 'mrkdwn', text: clip(section, sectionChars) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlackText(message.context) }] },
    ],
  };
}

function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}
