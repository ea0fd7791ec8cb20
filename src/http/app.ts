import { createServer } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installAccessControl } from './access.ts';
import { installStorageGuard } from './storage-guard.ts';
import { registerDashboard } from './dashboard/index.ts';
import { createDashboardSessions } from './dashboard/session.ts';
import type { HttpDeps } from './deps.ts';
import { answerClientError, answerFrameworkError, installErrorHandling } from './errors.ts';
import { attachmentsGetRoute } from './routes/attachments.get.ts';
import { contactsGetRoute } from './routes/contacts.get.ts';
import { escalationRoutes } from './routes/escalations.ts';
import { featuresGetRoute } from './routes/features.get.ts';
import { meshGetRoute } from './routes/mesh.get.ts';
import { oauthCallbackRoute } from './routes/oauth.callback.get.ts';
import { healthRoutes } from './routes/health.ts';
import { locationSettingsRoutes } from './routes/location-settings.ts';
import { sandboxMessagesCreateRoute } from './routes/sandbox.messages.create.ts';
import { sandboxAdvanceClockRoute } from './routes/sandbox.advance-clock.create.ts';
import { webhooksGhlRoute } from './routes/webhooks.ghl.ts';

/**
 * Every route of the service:
 *   POST /webhooks/ghl                 GHL marketplace events and workflow Webhook actions
 *   GET  /oauth/callback               Marketplace app install (authorization code exchange)
 *   POST /api/v1/sandbox/messages      run one message through the live pipeline (sandbox CRM)
 *   POST /api/v1/sandbox/advance-clock move the sandbox clock, run the follow-ups that became due
 *   GET  /api/v1/attachments/:id       sandbox CRM uploads and generated documents (CMA PDFs)
 *   GET  /api/v1/contacts/:id          a contact: tags, fields, bot, temperature, transcript
 *   GET  /api/v1/escalations  POST /api/v1/escalations/:id/resolve
 *   GET  /api/v1/compliance/tickets  POST /api/v1/compliance/tickets/:id/resolve
 *   GET  /api/v1/features             feature flags and the language-model mode
 *   GET  /api/v1/mesh                 Agent Mesh: strategy, hourly spend, agent health
 *   GET  PUT  PATCH /api/v1/locations/:locationId/settings   per-location settings over the env defaults
 *   POST /mcp                         MCP tools over Streamable HTTP (FEATURE_MCP, bearer token)
 *   GET  /healthz  /readyz  /metrics   operations
 *   GET  /openapi.json  /docs          API description and Swagger UI
 *   GET  /  /sign-in  /inbox  /contacts/:id  /queues  /overview  /scripts  /simulator   dashboard
 *        (src/http/dashboard/index.ts lists its pages; signed-in cookie session, CSRF on forms)
 */
export async function buildHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    // One line per request from our own onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1_048_576,
    // Refusals before a route runs (bad percent-encoding, malformed HTTP, oversized headers, a
    // request that took too long) answer in the one error shape too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // A client must send its whole request (headers and body) in time: a body trickled a byte
    // at a time would otherwise hold a socket and its buffers for as long as the client likes.
    requestTimeout: deps.config.HTTP_REQUEST_TIMEOUT_MS,
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: deps.config.HTTP_REQUEST_TIMEOUT_MS,
          // Node looks for overdue requests every 30 s unless told otherwise: look often enough
          // that the limit holds to within a quarter of itself.
          connectionsCheckingInterval: Math.min(
            5_000,
            Math.max(250, deps.config.HTTP_REQUEST_TIMEOUT_MS / 4),
          ),
          // Longer than a load balancer's usual 60 s idle timeout (Fastify's own default).
          keepAliveTimeout: 72_000,
        },
        handler,
      ),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Before any route (the swagger plugins add their own): access is decided per route.
  const sessions = createDashboardSessions(deps.config.JORGE_API_TOKEN, {
    db: deps.db,
    store: deps.stores.dashboardSessions,
  });
  installAccessControl(app, deps.config.JORGE_API_TOKEN, { sessions, now: () => deps.clock.now().getTime() });
  installStorageGuard(app, deps);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jorge Bots API',
        version: '0.1.0',
        description: 'Real-estate lead bots behind a GoHighLevel sub-account.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: deps.config.JORGE_API_TOKEN ? [{ bearer: [] }] : [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ req, res: reply, ms: Math.round(reply.elapsedTime) }, 'request');
    // The route's template, never the raw URL: ids in paths would make a series per contact.
    const route = req.routeOptions.url ?? 'unmatched';
    const { ops } = deps.metrics;
    ops.httpRequests.inc({ route, method: req.method, status: String(reply.statusCode) });
    ops.httpDuration.observe({ route, method: req.method }, reply.elapsedTime / 1000);
  });

  await webhooksGhlRoute(app, deps);
  await oauthCallbackRoute(app, deps);
  await sandboxMessagesCreateRoute(app, deps);
  await sandboxAdvanceClockRoute(app, deps);
  await attachmentsGetRoute(app, deps);
  await contactsGetRoute(app, deps);
  await escalationRoutes(app, deps);
  await featuresGetRoute(app, deps);
  await meshGetRoute(app, { mesh: deps.mesh ?? null });
  if (deps.locationSettings)
    await locationSettingsRoutes(app, { clock: deps.clock, locationSettings: deps.locationSettings });
  await healthRoutes(app, deps);
  await registerDashboard(app, deps, sessions);
  if (deps.mcp) {
    // The MCP SDK is loaded only when the feature is on (the composition root then passes the tools).
    const { mcpHttpRoute } = await import('../mcp/http-route.ts');
    await mcpHttpRoute(app, { token: deps.config.JORGE_API_TOKEN, mcp: deps.mcp, logger: deps.logger });
  }
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
