/**
 * `firedrill serve`: the live server, what `npm start` runs. Flags win over environment
 * variables (PORT, FIREDRILL_DATA, FIREDRILL_SCENARIOS, FIREDRILL_KEY, FIREDRILL_PUBLIC_URL), which win over the
 * defaults: 127.0.0.1:8080, ./data, ./scenarios. Stopping is always safe: a real experiment
 * a drill left running is stopped at start-up whatever the flags, or the server refuses to
 * start, saying how to stop it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AwsFisGateway } from '../../fis/aws-fis-gateway';
import { createServer } from '../http/create-server';
import { importWarmUpDelayMs, warmUpImport } from '../import-warm-up';
import {
  IntegrationSettingsError,
  readIntegrationSettings,
} from '../integrations/integration-settings';
import { checkPublicUrl } from '../public-url';
import { isLoopbackHost } from '../security/host-check';
import { loadServerKey } from '../security/server-key';
import { SqliteDrillRepository } from '../store/sqlite-drill-repository';
import type { LeftByDrill } from '../drill-recovery';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { parseOptions } from './parse-options';
import { chooseLogFormat, chooseLogLevel, terminalLogger } from './terminal-log';

export const serveUsage =
  'firedrill serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--scenarios ./scenarios] [--key K] [--public-url http://ADDRESS:PORT] [--allow-real-fis] [--experiments-stopped-by-hand] [--log-level info] [--log-format text|json]';

export async function runServe(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    scenarios: { type: 'string' },
    key: { type: 'string' },
    'public-url': { type: 'string' },
    'allow-real-fis': { type: 'boolean' },
    'experiments-stopped-by-hand': { type: 'boolean' },
    quiet: { type: 'boolean' },
    'log-level': { type: 'string' },
    'log-format': { type: 'string' },
  });
  if (positionals.length > 0)
    throw new UsageError(`serve takes no file arguments (got ${positionals.join(' ')})`);
  const env = process.env;
  const portText = values.port ?? env.PORT ?? '8080';
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError(`--port takes a port number, not ${portText}`);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const dataDirectory = resolve(values.data ?? env.FIREDRILL_DATA ?? 'data');
  const scenariosDirectory = resolve(values.scenarios ?? env.FIREDRILL_SCENARIOS ?? 'scenarios');
  if (!existsSync(scenariosDirectory))
    throw new UsageError(`${scenariosDirectory}: no such scenarios folder`);
  const publicUrlText = values['public-url'] ?? env.FIREDRILL_PUBLIC_URL;
  const publicUrl = publicUrlText === undefined ? undefined : checkPublicUrl(publicUrlText);
  if (publicUrl && !publicUrl.ok) throw new UsageError(publicUrl.error);

  const logLevel = chooseLogLevel(values['log-level'] ?? env.LOG_LEVEL ?? 'info');
  const logFormat = chooseLogFormat(values['log-format'] ?? env.FIREDRILL_LOG_FORMAT ?? 'text');
  const terminal = terminalLogger(values.quiet ? 'silent' : logLevel, logFormat, io);

  const staticDirectory = resolve('dist');
  if (!existsSync(resolve(staticDirectory, 'index.html'))) await buildApp(io);

  const integrations = integrationSettings(env, dataDirectory);
  const store = SqliteDrillRepository.open(dataDirectory);
  const key = loadServerKey(dataDirectory, values.key ?? env.FIREDRILL_KEY);
  const fis = realFisGateway(env.FIREDRILL_FIS_ENDPOINT);
  const { app, host: drillHost } = await createServer({
    host,
    store,
    scenariosDirectory,
    key,
    staticDirectory,
    ...(publicUrl?.ok ? { publicUrl: publicUrl.baseUrl } : {}),
    logger: values.quiet ? false : terminal.logger,
    disableRequestLogging: terminal.disableRequestLogging,
    ...(values['allow-real-fis'] ? { realFis: fis } : {}),
    // Built whatever the flags, with the same endpoint: it only follows and stops experiments.
    stoppingFis: fis.gateway,
    integrations,
    // A fact the disk refused must not be acknowledged: stop, and restart from the durable log.
    onStorageFailure: (error) => {
      io.stderr(
        `firedrill: the drill log could not be written (${String(error)}); stopping so no fact is lost\n`,
      );
      process.exit(70);
    },
  });
  const recovered = await drillHost.recover();
  const left = await drillHost.reconcileExperiments();
  if (left.length > 0) {
    const stoppedByHand = values['experiments-stopped-by-hand'] === true;
    if (!values['allow-real-fis'] && !stoppedByHand) {
      io.stderr(leftRunningMessage(left));
      await app.close();
      store.close();
      return exitCode.failed;
    }
    // With real FIS allowed the drill retries the stop (its log shows each failure).
    app.log.warn(leftRunningMessage(left));
  }
  await app.listen({ host, port });
  // A moment after start, in the background: a failed warm-up costs only the first
  // import's speed, and a server stopped at once never does it.
  setTimeout(() => {
    warmUpImport(scenariosDirectory, Date.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'the import warm-up failed'),
    );
  }, importWarmUpDelayMs).unref();
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  io.stdout(
    `\nFiredrill is running (${recovered} open drill${recovered === 1 ? '' : 's'} resumed).\n`,
  );
  io.stdout(
    `  Facilitator:  http://${shown.includes(':') ? `[${shown}]` : shown}:${boundPort}/#key=${key}\n`,
  );
  // The server's own answer, so the console's QR code and this line name one address.
  const joinBase = drillHost.joinBaseUrl();
  // On loopback only, with no public URL, no phone can reach the server: nothing to print.
  if (publicUrl || !isLoopbackHost(host))
    io.stdout(
      joinBase === null
        ? '  Phones join:  no network address found: start with --public-url http://ADDRESS:PORT\n'
        : `  Phones join:  ${joinBase}/join\n`,
    );
  io.stdout(`  Data:         ${dataDirectory}\n\n`);

  await new Promise<void>((done) => {
    const shutdown = (signal: string) => {
      app.log.info(`${signal}: stopping running experiments, then shutting down`);
      // Nothing is ever left running: experiments are stopped first (waiting at most 30 s).
      void drillHost
        .stopAllExperiments(30_000)
        .then(() => app.close())
        .then(() => store.close())
        .then(() => done());
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return exitCode.ok;
}

/** The real FIS gateway: the SDK's own region and credential chain, or FIREDRILL_FIS_ENDPOINT. */
function realFisGateway(endpoint: string | undefined) {
  return {
    gateway: new AwsFisGateway(endpoint ? { endpoint } : {}),
    endpoint: endpoint ?? 'AWS (the SDK default for each region)',
  };
}

/** Why the server will not start while a real experiment runs, and the ways out. */
export function leftRunningMessage(left: readonly LeftByDrill[]): string {
  const lines = left.map(
    (running) =>
      `firedrill: drill ${running.drillId} left FIS experiment ${running.fisExperimentId} (${running.experiment}) running in ${running.region}, and this server could not stop it (${running.reason}).\n`,
  );
  return `${lines.join('')}Start with --allow-real-fis (and AWS credentials for that account) to stop it, or stop it in the AWS console and start with --experiments-stopped-by-hand.\n`;
}

async function buildApp(io: CliIo): Promise<void> {
  io.stdout('Building the web app (first start only)…\n');
  const vite = await import('vite').catch(() => undefined);
  if (!vite)
    throw new Error(
      'dist/ is missing and Vite is not installed: run `npm install` (with dev dependencies), then `npm run build`',
    );
  await vite.build({ logLevel: 'warn' });
}

/** The chat webhooks and routing keys (environment, or DATA/integrations.json); a bad one stops `serve`. */
function integrationSettings(env: NodeJS.ProcessEnv, dataDirectory: string) {
  try {
    return readIntegrationSettings(env, dataDirectory);
  } catch (error) {
    if (error instanceof IntegrationSettingsError) throw new UsageError(error.message);
    throw error;
  }
}
