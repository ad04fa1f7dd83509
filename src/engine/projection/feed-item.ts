/**
 * How an entry reads in a drill's live feed: its tone, a title naming roles by their names,
 * and a detail line. Entries that people do not follow (timers, internal tracking) have none.
 */
import { formatDrillClock } from './drill-clock-text';
import type { FeedItem, ProjectedEntry } from './projection-views';

export type RoleName = (id: string | null) => string;

export function feedItem(entry: ProjectedEntry, roleName: RoleName): FeedItem | null {
  const item = (tone: FeedItem['tone'], title: string, detail = ''): FeedItem => ({
    seq: entry.seq,
    type: entry.type,
    drillMs: entry.drillMs,
    wallMs: entry.wallMs,
    tone,
    title,
    detail,
    retracted: false,
  });
  switch (entry.type) {
    case 'drill.started':
      return item('clock', 'Drill started');
    case 'drill.resumed':
      return item('clock', 'Drill resumed');
    case 'drill.paused':
      // The screen feed folds the resume into this line (`screen-feed.ts`).
      return item(
        'clock',
        `${
          {
            downtime: 'Server down',
            phase: 'Paused for discussion',
            facilitator: 'Paused',
          }[entry.payload.reason]
        } at ${formatDrillClock(entry.drillMs)}`,
      );
    case 'drill.speed_changed':
      return item('clock', `Speed ×${entry.payload.factor}`);
    case 'drill.ended':
      return item('clock', 'Drill ended');
    case 'drill.aborted':
      return item(
        'clock',
        `Drill aborted${entry.payload.reason ? `: ${entry.payload.reason}` : ''}`,
      );
    case 'inject.fired': {
      const inject = entry.inject;
      if (!inject) return null;
      const from = inject.from ? `${roleName(inject.from)}: ` : '';
      return item(
        inject.kind === 'surprise' ? 'surprise' : 'inject',
        `${from}${inject.title ?? inject.id}`,
        inject.body,
      );
    }
    case 'inject.adhoc_sent':
      return item('inject', entry.payload.title, entry.payload.body);
    case 'severity.declared':
      return item('team', `${roleName(entry.payload.by)} declared ${entry.payload.severity}`);
    case 'escalation.recorded': {
      const { from, to, channel, delivered, undelivered, message } = entry.payload;
      const outcome = delivered
        ? ''
        : undelivered === 'unavailable'
          ? ' — no answer'
          : ' — channel down';
      return {
        ...item(
          'page',
          `${roleName(from)} → ${roleName(to)} (${channel})${outcome}`,
          Object.values(message).join(' · '),
        ),
        message,
      };
    }
    case 'acknowledgement.recorded':
      return item('ack', `${roleName(entry.payload.by)} acknowledged`);
    case 'handoff.recorded':
      return {
        ...item(
          'team',
          `Handoff ${roleName(entry.payload.from)} → ${roleName(entry.payload.to)}${entry.payload.delivered === false ? ' — not delivered (unavailable)' : ''}`,
          Object.values(entry.payload.message).join(' · '),
        ),
        message: entry.payload.message,
      };
    case 'decision.recorded':
      return item(
        'team',
        `${roleName(entry.payload.by)} decided ${entry.payload.decision}${entry.payload.option === undefined ? '' : `: ${entry.payload.option}`}`,
      );
    case 'note.recorded':
      return item('team', `Note (${entry.payload.by})`, entry.payload.text);
    case 'phase.started':
      return item('system', `Phase: ${entry.payload.title}`);
    case 'experiment.state_changed':
      return item(
        'system',
        `Experiment ${entry.payload.experiment}: ${entry.payload.status}${entry.payload.dryRun ? ' (dry run)' : ''}`,
        entry.payload.reason ?? '',
      );
    // Chat mirror: only the facilitator is sent these (visibility.ts), so only the console shows them.
    case 'chat.delivery_failed': {
      const { chat, attempts, reason } = entry.payload;
      const tries = attempts === 0 ? '' : ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
      const name = chat === 'slack' ? 'Slack' : 'Teams';
      return item('system', `${name} message not delivered${tries}`, reason);
    }
    default:
      return null;
  }
}
