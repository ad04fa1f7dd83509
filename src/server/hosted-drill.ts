/**
 * What one drill is wired to when a server hosts it: its store, its FIS gateways, its
 * PagerDuty pager, the facilitator's terminal and its chat mirror. `DrillHost` keeps the
 * drills; this says how each is connected, so the two change for different reasons.
 */
import type { Drill } from '../engine/drill';
import { DryRunFisGateway } from '../fis/dry-run-fis-gateway';
import type { DrillHostOptions } from './drill-host-options';
import { lifecycleLines } from './drill-lifecycle-log';
import { startChatMirror } from './integrations/chat-mirror';
import { PagerDutyPager } from './integrations/pagerduty-pager';
import { LiveDrill } from './live-drill';
import type { StoredDrill, StoredParticipant } from './store/drill-repository';

export interface HostedDrillInput {
  readonly stored: StoredDrill;
  readonly drill: Drill;
  readonly participants: readonly StoredParticipant[];
  readonly options: DrillHostOptions;
  readonly now: () => number;
  /** Where phones and links reach this server (the drill link a real page carries). */
  readonly baseUrl: () => string | null;
  readonly onFinished: (live: LiveDrill) => Promise<void>;
}

export function hostedDrill(input: HostedDrillInput): LiveDrill {
  const { stored, drill, options, now } = input;
  const { realFis } = options;
  const stopping = options.stoppingFis ?? realFis;
  const live = new LiveDrill({
    stored,
    drill,
    store: options.store,
    participants: input.participants,
    // A drill armed before a restart starts real experiments only if this server still
    // allows real FIS; the ones its log shows running are followed and stopped either way.
    gateway: drill.state().armed && realFis ? realFis : new DryRunFisGateway(now),
    ...(stopping ? { stoppingGateway: stopping } : {}),
    now,
    pager: new PagerDutyPager({
      drill,
      drillId: stored.id,
      now,
      settings: options.integrations,
      baseUrl: input.baseUrl,
    }),
    onFinished: input.onFinished,
    onError: (error) => options.log.error(error, `drill ${stored.id}`),
    onStorageFailure: (error) => {
      options.log.error(error, `drill ${stored.id}: a fact could not be stored`);
      options.onStorageFailure?.(error);
    },
  });
  // The facilitator's terminal hears of each drill starting and ending (cli/terminal-log.ts).
  live.subscribe((entries) => {
    for (const line of lifecycleLines(stored, entries)) options.log.info(line);
  });
  // A drill created with `chat` posts into those chats until its result.
  startChatMirror(live, options, (error) =>
    options.log.error(error, `drill ${stored.id}: chat mirror`),
  );
  return live;
}
