/**
 * The Firedrill server: Fastify serving the built web app, the HTTP API and the drills'
 * WebSockets on one port, with the drill host and its drill repository behind them.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { maxClientFrameBytes } from '../../protocol/ws-messages';
import { DrillHost } from '../drill-host';
import { joinBaseFor } from '../public-url';
import { isAllowedHost, isLoopbackHost } from '../security/host-check';
import type { DrillRepository } from '../store/drill-repository';
import { sendError, serverFailure } from './api-error';
import { jsonOnlyMessage, maxJsonBodyBytes, tooLargeMessage } from './body-limits';
import { acceptEmptyJsonBody } from './empty-json-body';
import { actionRoutes } from './routes-actions';
import { libraryRoutes } from './routes-library';
import { drillRoutes } from './routes-drills';
import { importRoutes } from './routes-import';
import { joinRoutes } from './routes-join';
import { reviewRoutes } from './routes-review';
import { websocketRoutes } from './routes-websocket';
import { fisRoutes } from './routes-fis';
import { integrationRoutes } from './routes-integrations';
import type { IntegrationSettings } from '../integrations/integration-settings';
import type { ChatDeliveryOptions } from '../integrations/chat-delivery-queue';
import { noIntegrations } from '../integrations/integration-settings';
import type { FisGateway } from '../../fis/fis-gateway';

export interface ServerOptions {
  readonly host: string;
  readonly store: DrillRepository;
  readonly scenariosDirectory: string;
  /** The server's facilitator key: required for library, history, creation and import beyond loopback. */
  readonly key: string;
  /**
   * Where phones reach this server (`--public-url`, checked by `checkPublicUrl`): the join
   * URL's base. Without it, the address is picked from the listening address and the
   * machine's network interfaces once the server listens (`joinBaseFor`).
   */
  readonly publicUrl?: string;
  /** The built web app (dist/); the API works without it. */
  readonly staticDirectory?: string;
  readonly logger?: FastifyServerOptions['logger'];
  /** No log line per HTTP request: the facilitator's terminal shows only what matters. */
  readonly disableRequestLogging?: boolean;
  readonly now?: () => number;
  readonly onStorageFailure?: (error: unknown) => void;
  /** `--allow-real-fis`: drills may arm real experiments, sent through this gateway. */
  readonly realFis?: { readonly gateway: FisGateway; readonly endpoint: string };
  /** Stops the real experiments drills left running, with or without `realFis` (drill-host.ts). */
  readonly stoppingFis?: FisGateway;
  /** Chat webhooks and PagerDuty routing keys (integration-settings.ts); none by default. */
  readonly integrations?: IntegrationSettings;
  /** How chat messages are retried (tests inject the back-off's sleep). */
  readonly chatDelivery?: ChatDeliveryOptions;
}

/** Scripts and data only from this origin; recharts draws with inline styles. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export async function createServer(
  options: ServerOptions,
): Promise<{ app: FastifyInstance; host: DrillHost }> {
  const loopback = isLoopbackHost(options.host);
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({
      disableRequestLogging: options.disableRequestLogging ?? false,
    }),
    bodyLimit: maxJsonBodyBytes,
    return503OnClosing: true,
  });
  // JSON only: Fastify also reads text/plain, a body any web page may send cross-site
  // without a CORS preflight. Without that parser every other type is a 415.
  app.removeContentTypeParser('text/plain');
  const host = new DrillHost({
    store: options.store,
    ...(options.now ? { now: options.now } : {}),
    ...(options.onStorageFailure ? { onStorageFailure: options.onStorageFailure } : {}),
    ...(options.realFis ? { realFis: options.realFis.gateway } : {}),
    ...(options.stoppingFis ? { stoppingFis: options.stoppingFis } : {}),
    joinBaseUrl: () => options.publicUrl ?? listeningJoinBase(app, options.host),
    serverKey: options.key,
    integrations: options.integrations ?? noIntegrations,
    ...(options.chatDelivery ? { chatDelivery: options.chatDelivery } : {}),
    log: {
      info: (message) => app.log.info(message),
      error: (error, message) => app.log.error({ err: error }, message),
    },
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  app.setErrorHandler(
    (error: { statusCode?: number; message: string; code?: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return sendError(reply, 500, serverFailure);
      }
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return sendError(reply, 413, tooLargeMessage(request.routeOptions.bodyLimit));
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return sendError(reply, 415, jsonOnlyMessage);
      return sendError(reply, status, error.message);
    },
  );

  await app.register(fastifyWebsocket, { options: { maxPayload: maxClientFrameBytes } });
  // After the WebSocket plugin: its own hook must still see (and tear down) refused upgrades.
  // DNS rebinding: a loopback server answers only to loopback names.
  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host, loopback))
      return sendError(reply, 403, 'this server answers only to localhost');
    return undefined;
  });

  const access = { key: options.key, keyRequired: !loopback };
  app.get('/api/health', async () => ({ status: 'ok' }));
  libraryRoutes(app, options.scenariosDirectory, access);
  drillRoutes(
    app,
    host,
    options.scenariosDirectory,
    access,
    options.integrations ?? noIntegrations,
  );
  await app.register(async (scope) => importRoutes(scope, host, access));
  joinRoutes(app, host);
  await actionRoutes(app, host);
  reviewRoutes(app, host, access);
  integrationRoutes(app, options.integrations ?? noIntegrations, access);
  websocketRoutes(app, host);
  await app.register(async (scope) => {
    acceptEmptyJsonBody(scope); // `POST …/arm` needs no body
    fisRoutes(scope, host, {
      allowed: options.realFis !== undefined,
      endpoint: options.realFis?.endpoint ?? 'none',
      integrations: options.integrations ?? noIntegrations,
    });
  });

  const staticDirectory = options.staticDirectory;
  if (staticDirectory && existsSync(join(staticDirectory, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: staticDirectory,
      wildcard: false,
      index: ['index.html'],
    });
  }
  // The app's routes (/drills/…, /join/…) are client-side: serve its page for them.
  app.setNotFoundHandler((request, reply) => {
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      staticDirectory &&
      existsSync(join(staticDirectory, 'index.html'))
    ) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`);
  });

  app.addHook('onClose', async () => host.close());
  return { app, host };
}

/** The join base for where the server listens now; null before it listens. */
function listeningJoinBase(app: FastifyInstance, host: string): string | null {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) return null;
  // Read at each call: a laptop that changes Wi-Fi gets a new address.
  return joinBaseFor({ host, port: address.port }, networkInterfaces());
}
