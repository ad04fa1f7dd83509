/**
 * A chat message as a Microsoft Teams Workflows webhook's body ("When a Teams webhook request
 * is received" → "Post card in a chat or channel"): a `message` with one Adaptive Card
 * attachment, whose first TextBlock is the exercise marker. Adaptive Card 1.4, the newest
 * version Teams renders in every client. TextBlocks render a subset of Markdown (emphasis,
 * lists, links), which is how injects are written, so their text goes as it is: a card cannot
 * mention anyone or run anything without entities and actions, and it carries none but the
 * scorecard link.
 */
import type { ChatMessage } from './chat-message';
import { exerciseMarker } from './chat-message';

export interface TeamsTextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'Bolder';
  readonly size?: 'Medium';
  readonly color?: 'Attention';
  readonly isSubtle?: true;
}

export interface TeamsFact {
  readonly title: string;
  readonly value: string;
}

export type TeamsElement =
  TeamsTextBlock | { readonly type: 'FactSet'; readonly facts: readonly TeamsFact[] };

export interface TeamsAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: 'application/vnd.microsoft.card.adaptive';
      readonly contentUrl: null;
      readonly content: {
        readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
        readonly type: 'AdaptiveCard';
        readonly version: '1.4';
        readonly body: readonly TeamsElement[];
        readonly actions?: readonly TeamsAction[];
      };
    },
  ];
}

export function teamsMessage(message: ChatMessage): TeamsMessage {
  const labelled = message.lines.filter((line) => line.label !== null);
  const body: TeamsElement[] = [
    {
      type: 'TextBlock',
      text: exerciseMarker,
      wrap: true,
      weight: 'Bolder',
      color: 'Attention',
    },
    { type: 'TextBlock', text: message.headline, wrap: true, size: 'Medium' },
    ...message.lines
      .filter((line) => line.label === null)
      .map((line): TeamsTextBlock => ({ type: 'TextBlock', text: line.text, wrap: true })),
    ...(labelled.length > 0
      ? [
          {
            type: 'FactSet' as const,
            facts: labelled.map((line) => ({
              title: line.label ?? '',
              value: line.text,
            })),
          },
        ]
      : []),
    { type: 'TextBlock', text: message.context, wrap: true, isSubtle: true },
  ];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(message.link
            ? {
                actions: [
                  { type: 'Action.OpenUrl', title: message.link.label, url: message.link.url },
                ],
              }
            : {}),
        },
      },
    ],
  };
}
