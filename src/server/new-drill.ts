/**
 * A new drill of a library scenario: its engine with a drawn seed, its stored record with
 * hashed credentials, and the credentials themselves, which are shown once and never stored.
 */
import type { ChatName } from '../engine/chat-names';
import { createDrill } from '../engine/drill';
import type { Drill } from '../engine/drill';
import type { LibraryScenario } from './scenario-library';
import { hashToken, newDrillId, newToken } from './security/tokens';
import type { StoredDrill } from './store/drill-repository';

export interface NewDrillInput {
  readonly seed?: number | undefined;
  readonly speed?: number | undefined;
  readonly team?: string | undefined;
  /** The chats to mirror into; the route checked that this server has their webhooks. */
  readonly chat?: readonly ChatName[] | undefined;
}

export interface NewDrill {
  readonly stored: StoredDrill;
  readonly drill: Drill;
  readonly facilitatorToken: string;
  readonly projectorKey: string;
}

export function newDrill(
  entry: LibraryScenario,
  input: NewDrillInput,
  joinCode: string,
  nowWallMs: number,
): NewDrill {
  const facilitatorToken = newToken();
  const projectorKey = newToken();
  const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
  const team = input.team ?? '';
  const drill = createDrill({
    scenario: entry.scenario,
    seed,
    team,
    speed: input.speed ?? 1,
    ...(input.chat ? { chat: input.chat } : {}),
    wallMs: nowWallMs,
  });
  const stored: StoredDrill = {
    id: newDrillId(),
    scenarioId: entry.scenario.id,
    scenarioFile: entry.file,
    scenarioSource: entry.source,
    team,
    seed,
    createdWallMs: nowWallMs,
    status: 'briefing',
    facilitatorTokenHash: hashToken(facilitatorToken),
    projectorKeyHash: hashToken(projectorKey),
    joinCode,
    excluded: false,
    checkpointWallMs: null,
  };
  return { stored, drill, facilitatorToken, projectorKey };
}
