import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_KEY } from '../../adapters/sandbox-crm/sandbox-crm.ts';
import type { HttpDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/v1/attachments/:id — a file the sandbox CRM received (`att_` + 128 random bits) or a
 * stored document such as a CMA PDF (random uuid), served with its own content type. Both names are
 * unguessable, so documents cannot be enumerated even by a holder of the token.
 */
export async function attachmentsGetRoute(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/attachments/:id',
    {
      schema: {
        summary: 'A stored attachment (sandbox CRM uploads and generated documents)',
        tags: ['sandbox'],
        params: z.object({ id: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) => {
      const id = req.params.id;
      const file = ATTACHMENT_KEY.test(id)
        ? await deps.stores.documents.loadSandboxAttachment(deps.db, id)
        : UUID.test(id)
          ? await deps.stores.documents.load(deps.db, id)
          : null;
      if (!file) throw new ApiError('not_found', `attachment ${id} not found`);
      const safeName = file.filename.replace(/[^\w.-]+/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `inline; filename="${safeName}"`)
        .send(file.bytes);
    },
  );
}
