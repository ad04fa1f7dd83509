/** `GET /api/integrations`: the chats and routing key names this server has, never their secrets. */
import type { FastifyInstance } from 'fastify';
import type { IntegrationsReply } from '../../protocol/integrations';
import type { IntegrationSettings } from '../integrations/integration-settings';
import { describeIntegrations } from '../integrations/integration-settings';
import type { ServerAccess } from './access';
import { requireServerKey } from './access-hooks';

export function integrationRoutes(
  app: FastifyInstance,
  settings: IntegrationSettings,
  access: ServerAccess,
): void {
  app.get(
    '/api/integrations',
    { onRequest: requireServerKey(access) },
    async () => describeIntegrations(settings) satisfies IntegrationsReply,
  );
}
