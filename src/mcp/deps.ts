import { randomUUID } from 'node:crypto';
import { loadBotsConfig } from '../adapters/bots-config/load-bots-config.ts';
import { loadComps } from '../adapters/comps/load-comps.ts';
import { renderCmaPdf } from '../adapters/pdf/cma-pdf.ts';
import { type CmaCache, createCmaCache, generateCma } from '../app/follow-ups/generate-cma.ts';
import { readContact } from '../app/contacts/read-contact.ts';
import type { Config } from '../config.ts';
import type { Clock, Sql } from '../ports.ts';
import type { Stores } from '../ports/stores.ts';
import type { McpDeps } from './tools.ts';

export type McpDepsConfig = Pick<
  Config,
  | 'AGENT_NAME'
  | 'MARKET'
  | 'TIMEZONE'
  | 'BOTS_CONFIG_FILE'
  | 'COMPS_FILE'
  | 'AGENT_PHONE'
  | 'AGENT_EMAIL'
  | 'PUBLIC_BASE_URL'
  | 'HOST'
  | 'PORT'
>;

/**
 * Binds the tools to the database and the CMA pipeline, from the same settings the service uses
 * (bot persona, comps file, branding). Reading a bad comps or bots file throws here, at start-up.
 */
export function createMcpDeps(input: {
  db: Sql;
  stores: Stores;
  config: McpDepsConfig;
  clock?: Clock;
  cmaCache?: CmaCache;
}): McpDeps {
  const { db, stores, config } = input;
  const clock: Clock = input.clock ?? { now: () => new Date() };
  const bots = loadBotsConfig(
    { agentName: config.AGENT_NAME, market: config.MARKET, timezone: config.TIMEZONE },
    config.BOTS_CONFIG_FILE,
  );
  const comps = loadComps(config.COMPS_FILE);
  const cmaCache = input.cmaCache ?? createCmaCache();
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const baseUrl = (config.PUBLIC_BASE_URL ?? `http://${host}:${config.PORT}`).replace(/\/+$/, '');

  return {
    readContact: (contactId, locationId) => readContact({ db, stores }, contactId, locationId),
    findContact: (contactId, locationId) => stores.mcp.findContact(db, contactId, locationId),
    listHotLeads: (filter) => stores.mcp.listHotLeads(db, filter),
    readTranscript: (contactId, opts) => stores.mcp.readTranscript(db, contactId, opts),
    conversationFacts: (contactId, locationId) => stores.mcp.conversationFacts(db, contactId, locationId),
    generateCma: (subject) =>
      generateCma(
        {
          data: comps,
          render: (cma) =>
            renderCmaPdf(cma, {
              agentName: bots.persona.agentName,
              market: bots.persona.market,
              ...(config.AGENT_PHONE ? { phone: config.AGENT_PHONE } : {}),
              ...(config.AGENT_EMAIL ? { email: config.AGENT_EMAIL } : {}),
            }),
          clock,
          timezone: config.TIMEZONE,
          cache: cmaCache,
        },
        subject,
      ),
    async storeDocument(doc) {
      const documentId = randomUUID();
      await stores.documents.save(db, { id: documentId, ...doc, at: clock.now() });
      return { documentId, url: `${baseUrl}/api/v1/attachments/${documentId}` };
    },
    listEscalations: (filter) => stores.escalations.list(db, filter),
  };
}
