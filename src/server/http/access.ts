/**
 * Who is calling: the server's facilitator key (library, history, creation, import — not
 * needed while the server listens on loopback only), a drill's facilitator token, its
 * projector key, or a participant's token. Tokens travel as `Authorization: Bearer …`.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../engine/log';
import type { Viewer } from '../visibility';
import type { DrillHost } from '../drill-host';
import type { LiveDrill } from '../live-drill';
import { sameSecret } from '../security/tokens';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export interface ServerAccess {
  readonly key: string;
  readonly keyRequired: boolean;
}

/** Whether the request carries the server's facilitator key (always, while it is not required). */
export function holdsServerKey(request: FastifyRequest, access: ServerAccess): boolean {
  if (!access.keyRequired) return true;
  const token = bearerToken(request);
  return token !== undefined && sameSecret(token, access.key);
}

export interface Caller {
  readonly viewer: Viewer;
  readonly actor: Actor | null;
  readonly name: string | null;
  /** A stable per-caller prefix for client action ids, so one caller cannot replay another's. */
  readonly idScope: string;
  /** A participant's token hash (presence, released roles); null for the other audiences. */
  readonly tokenHash: string | null;
}

export const facilitatorCaller: Caller = {
  viewer: { audience: 'facilitator', roles: [] },
  actor: { kind: 'facilitator' },
  name: null,
  idScope: 'f',
  tokenHash: null,
};

export function callerOf(
  host: DrillHost,
  live: LiveDrill,
  token: string | undefined,
): Caller | null {
  const who = host.identify(live.stored, token);
  if (!who) return null;
  switch (who.kind) {
    case 'facilitator':
      return facilitatorCaller;
    case 'projector':
      return {
        viewer: { audience: 'projector', roles: [] },
        actor: null,
        name: null,
        idScope: 'p',
        tokenHash: null,
      };
    case 'participant': {
      const { roles, name, tokenHash } = who.participant;
      return {
        viewer: { audience: 'participant', roles },
        actor: { kind: 'participant', roles },
        name,
        idScope: tokenHash.slice(0, 16),
        tokenHash,
      };
    }
  }
}
