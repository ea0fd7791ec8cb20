import type { FastifyInstance, FastifyReply } from 'fastify';
import { GhlOAuthError } from '../../adapters/ghl-oauth/oauth-client.ts';
import type { HttpDeps } from '../deps.ts';

// Authorization codes are opaque; GHL's are 40 hex digits. Anything outside this is not one.
const CODE = /^[A-Za-z0-9._~-]{8,512}$/;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(reply: FastifyReply, status: number, title: string, detail: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
        `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></body></html>`,
    );
}

/**
 * GET /oauth/callback — where GHL's chooselocation page sends the installer's browser with `?code=`
 * (docs/oauth/Authorization.md). The code is exchanged at POST /oauth/token and the tokens stored
 * sealed; the page says whether the install worked and, if not, what to do.
 */
export async function oauthCallbackRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.get(
    '/oauth/callback',
    {
      schema: {
        summary: 'Marketplace app install: exchange the authorization code for tokens',
        tags: ['oauth'],
      },
    },
    async (req, reply) => {
      const installs = deps.ghlInstalls;
      if (!installs) {
        return page(
          reply,
          404,
          'Marketplace install is not set up',
          'This service has no GHL Marketplace app configured (GHL_CLIENT_ID and GHL_CLIENT_SECRET).',
        );
      }
      const query = req.query as Record<string, unknown>;
      const code = query.code;
      if (Array.isArray(code)) {
        return page(
          reply,
          400,
          'Install not completed',
          'code: the callback URL has more than one authorization code.',
        );
      }
      if (typeof code !== 'string' || code.trim() === '') {
        return page(
          reply,
          400,
          'Install not completed',
          'code: the callback URL has no authorization code. Start the install again from the Marketplace.',
        );
      }
      if (!CODE.test(code)) {
        return page(
          reply,
          400,
          'Install not completed',
          'code: this is not an authorization code. Start the install again from the Marketplace.',
        );
      }
      try {
        const done = await installs.completeInstall(code);
        const what =
          done.userType === 'Company' ? `agency ${done.resourceId}` : `sub-account ${done.resourceId}`;
        return page(reply, 200, 'Installed', `The bot is installed for ${what}. You can close this window.`);
      } catch (err) {
        if (!(err instanceof GhlOAuthError)) {
          req.log.error(
            { errName: err instanceof Error ? err.name : 'unknown' },
            'could not store the GHL install',
          );
          return page(
            reply,
            503,
            'Install not completed',
            'The tokens could not be stored right now. Start the install again in a few minutes.',
          );
        }
        // The message names GHL's refusal and never the code or a secret (oauth-client.ts).
        req.log.warn({ status: err.status, code: err.code }, 'GHL refused the OAuth code exchange');
        if (err.status === 400 || err.status === 422) {
          return page(
            reply,
            400,
            'Install not completed',
            `${err.message}. The code may have expired or been used already: start the install again from the Marketplace.`,
          );
        }
        return page(
          reply,
          502,
          'Install not completed',
          err.status === 401 || err.status === 403
            ? `${err.message}. Check GHL_CLIENT_ID and GHL_CLIENT_SECRET against the app's settings.`
            : `${err.message}. Try the install again in a few minutes.`,
        );
      }
    },
  );
}
