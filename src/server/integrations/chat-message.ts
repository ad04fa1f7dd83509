/**
 * What a drill's chat mirror says, before any chat's format (slack-message.ts,
 * teams-message.ts): which entries are told at all, and in which words. Told: the start,
 * injects addressed to everyone, pages, acknowledgements and the result. Never what the
 * projector may not see (audience-only injects, surprises not yet fired, the answer key):
 * the chat channel is a room with more people in it than the meeting room.
 */
import { formatDrillClock } from '../../engine/projection/drill-clock-text';
import type { LogEntry } from '../../engine/log';
import { scoreDrill } from '../../engine/score/score-drill';
import { scenarioIndex } from '../../engine/scenario-index';
import type { Scenario } from '../../scenario/types';
import { isVisibleTo } from '../visibility';

/** The first words of every message, in every chat: nobody may take a drill for an incident. */
export const exerciseMarker = '[EXERCISE] Firedrill drill — not a real incident';

export interface ChatMessage {
  /** The seq of the entry it tells of. */
  readonly about: number;
  /** One line: what happened. */
  readonly headline: string;
  /** Labelled or plain lines of detail, as typed (each chat escapes them for itself). */
  readonly lines: readonly { readonly label: string | null; readonly text: string }[];
  /** Drill time, scenario and team. */
  readonly context: string;
  /** The scorecard, once the drill is over and the server knows an address for it. */
  readonly link: { readonly url: string; readonly label: string } | null;
}

export interface MirroredDrill {
  readonly id: string;
  readonly scenario: Scenario;
  readonly team: string;
  /** The whole log so far (the entry and those before it). */
  readonly log: readonly LogEntry[];
  /** Where browsers reach this server (`http://192.168.1.20:8080`), or null. */
  readonly linkBase: string | null;
}

const projector = { audience: 'projector', roles: [] } as const;

/** The message an entry becomes in the chat, or null when the chat is not told of it. */
export function chatMessageFor(drill: MirroredDrill, entry: LogEntry): ChatMessage | null {
  if (!isVisibleTo(drill.scenario, drill.log, entry, projector)) return null;
  const told = tell(drill, entry);
  if (!told) return null;
  const team = drill.team === '' ? '' : ` · team ${drill.team}`;
  return {
    about: entry.seq,
    lines: [],
    link: null,
    ...told,
    context: `${formatDrillClock(entry.drillMs)} · ${drill.scenario.title}${team}`,
  };
}

type Told = Pick<ChatMessage, 'headline'> & Partial<Pick<ChatMessage, 'lines' | 'link'>>;

function tell(drill: MirroredDrill, entry: LogEntry): Told | null {
  const role = (id: string | null) =>
    id === null ? 'The paging system' : (drill.scenario.roles.find((r) => r.id === id)?.name ?? id);
  switch (entry.type) {
    case 'drill.started':
      return {
        headline: `Drill started: ${drill.scenario.title}`,
        lines: [plain('Messages here until the result are part of the exercise.')],
      };
    case 'inject.fired': {
      const inject = scenarioIndex(drill.scenario).injects.get(entry.payload.inject);
      if (!inject) return null;
      const from = inject.from === null ? '' : `${role(inject.from)}: `;
      return { headline: `${from}${inject.title ?? inject.id}`, lines: [plain(inject.body)] };
    }
    case 'inject.adhoc_sent':
      return { headline: entry.payload.title, lines: [plain(entry.payload.body)] };
    case 'escalation.recorded': {
      const { from, to, channel, delivered, undelivered, message } = entry.payload;
      const outcome = delivered
        ? ''
        : undelivered === 'unavailable'
          ? ' — no answer (unavailable)'
          : ' — not delivered (channel down)';
      return {
        headline: `Page: ${role(from)} → ${role(to)} (${channel})${outcome}`,
        lines: Object.entries(message).map(([label, text]) => ({ label, text })),
      };
    }
    case 'acknowledgement.recorded': {
      const page = drill.log[entry.payload.escalation - 1];
      const of =
        page?.type === 'escalation.recorded'
          ? ` the page from ${role(page.payload.from)} (${page.payload.channel})`
          : '';
      const automatic = entry.payload.automatic ? ' (simulated)' : '';
      return { headline: `${role(entry.payload.by)} acknowledged${of}${automatic}` };
    }
    case 'drill.ended':
      return result(drill, 'Drill ended');
    case 'drill.aborted':
      return result(
        drill,
        `Drill aborted${entry.payload.reason === '' ? '' : `: ${entry.payload.reason}`}`,
      );
    default:
      return null;
  }
}

function result(drill: MirroredDrill, headline: string): Told {
  const { overall } = scoreDrill(drill.scenario, drill.log);
  const score = overall === null ? 'no overall score' : `overall score ${Math.round(overall)}/100`;
  return {
    headline: `${headline} — ${score}`,
    lines: [plain('The exercise is over.')],
    link:
      drill.linkBase === null
        ? null
        : { url: `${drill.linkBase}/drills/${drill.id}/scorecard`, label: 'Open the scorecard' },
  };
}

const plain = (text: string) => ({ label: null, text });
