import { z } from 'zod';
import type { Logger } from '../observability/logger.ts';
import type { McpDeps, ToolOutcome } from './tool-types.ts';
import { cmaSubjectInput, runGenerateCma } from './cma-tool.ts';

export type { McpDeps, ToolAttachment, ToolOutcome } from './tool-types.ts';

// The lead tools the service offers over MCP, as plain functions of McpDeps. They never import the
// MCP SDK: server.ts turns a ToolOutcome into the protocol's result.

export interface McpTool {
  name: string;
  title: string;
  description: string;
  input: z.ZodObject;
  /** False when the tool stores something (generate_cma keeps the PDF). */
  readOnly: boolean;
  run(deps: McpDeps, args: Record<string, unknown>): Promise<ToolOutcome>;
}

function defineTool<S extends z.ZodObject>(tool: {
  name: string;
  title: string;
  description: string;
  input: S;
  readOnly: boolean;
  run(deps: McpDeps, args: z.output<S>): Promise<ToolOutcome>;
}): McpTool {
  // runTool parses the arguments with `input` before calling run, so the cast holds.
  return { ...tool, run: (deps, args) => tool.run(deps, args as z.output<S>) };
}

const contactId = z.string().trim().min(1).max(200).describe('The CRM (GoHighLevel) contact id.');
const locationId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .optional()
  .describe('The GHL sub-account (location) id; "sandbox" for sandbox contacts. Optional.');

const notFound = (id: string): ToolOutcome => ({
  ok: false,
  message: `No contact with id "${id}" is known to the service (check the id, or pass locationId).`,
});

export const getContactTool = defineTool({
  name: 'get_contact',
  title: 'Get a contact',
  description:
    'One lead as the bots see it: name, email, phone, which bot owns the conversation, temperature (hot/warm/cold), tags, custom fields, whether the bot is paused, open escalations, follow-up steps and the latest financing assessment. Use get_conversation for the message history.',
  input: z.object({ contactId, locationId }),
  readOnly: true,
  async run(deps, args) {
    const summary = await deps.readContact(args.contactId, args.locationId);
    if (!summary) return notFound(args.contactId);
    const who = await deps.findContact(summary.contactId, summary.locationId);
    const { transcript, contactId: id, locationId: location, ...rest } = summary;
    return {
      ok: true,
      data: {
        contactId: id,
        locationId: location,
        firstName: who?.firstName ?? null,
        lastName: who?.lastName ?? null,
        email: who?.email ?? null,
        phone: who?.phone ?? null,
        timezone: who?.timezone ?? null,
        ...rest,
        messages: transcript.length,
        lastMessageAt: transcript.at(-1)?.at ?? null,
      },
    };
  },
});

export const listHotLeadsTool = defineTool({
  name: 'list_hot_leads',
  title: 'List hot leads',
  description:
    'Leads the bots rated hot (ready to act soon), most recently active first, with name, email, phone, owning bot, lead score, tags and what was learned (intent, timeline, budget, address, areas). Call these first.',
  input: z.object({
    limit: z.number().int().min(1).max(100).default(25).describe('At most this many leads (1-100).'),
    locationId,
    bot: z.enum(['lead', 'buyer', 'seller']).optional().describe('Only leads owned by this bot.'),
  }),
  readOnly: true,
  async run(deps, args) {
    const leads = await deps.listHotLeads({ limit: args.limit, locationId: args.locationId, bot: args.bot });
    return { ok: true, data: { count: leads.length, leads } };
  },
});

export const getConversationTool = defineTool({
  name: 'get_conversation',
  title: 'Get a conversation',
  description:
    'The transcript of a lead’s conversation with the bots, SMS and email, both directions, oldest first (the latest `limit` messages), with the owning bot and temperature.',
  input: z.object({
    contactId,
    locationId,
    limit: z.number().int().min(1).max(500).default(100).describe('Latest messages to return (1-500).'),
  }),
  readOnly: true,
  async run(deps, args) {
    const transcript = await deps.readTranscript(args.contactId, {
      locationId: args.locationId,
      limit: args.limit,
    });
    return transcript ? { ok: true, data: transcript } : notFound(args.contactId);
  },
});

export const generateCmaTool = defineTool({
  name: 'generate_cma',
  title: 'Generate a CMA',
  description:
    "Comparative Market Analysis of a home from recent nearby sales: value range (low/likely/high), confidence, $/sqft, the comparable sales used with their adjustments, the local market, and the seller's price against the range. Give an address (and any known facts), or a contactId to value that seller's home from what the conversation learned. The PDF is stored and its URL returned; attachPdf also embeds it.",
  input: cmaSubjectInput.extend({
    contactId: contactId.optional(),
    locationId,
    attachPdf: z.boolean().default(false).describe('Also return the PDF itself (base64) in the result.'),
  }),
  readOnly: false,
  run: (deps, args) => runGenerateCma(deps, args, notFound),
});

export const listEscalationsTool = defineTool({
  name: 'list_escalations',
  title: 'List escalations',
  description:
    'Conversations handed to a person (human review: the lead asked for the agent, distress, repeated misunderstanding, high value…) and compliance tickets (fair housing, RESPA, TCPA, privacy), newest first. While one is open the bot stays quiet for that contact.',
  input: z.object({
    status: z.enum(['open', 'resolved']).optional().describe('Only open or only resolved ones.'),
    kind: z.enum(['human_review', 'compliance']).optional(),
    contactId: contactId.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  readOnly: true,
  async run(deps, args) {
    const escalations = await deps.listEscalations({
      limit: args.limit,
      ...(args.status ? { status: args.status } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
      ...(args.contactId ? { contactId: args.contactId } : {}),
    });
    return { ok: true, data: { count: escalations.length, escalations } };
  },
});

export const MCP_TOOLS: readonly McpTool[] = [
  getContactTool,
  listHotLeadsTool,
  getConversationTool,
  generateCmaTool,
  listEscalationsTool,
];

/**
 * Runs one tool: bad arguments and unknown contacts come back as `{ ok: false, message }`, and an
 * unexpected failure is logged (never the arguments or the result, which hold contact details)
 * and reported without its internals.
 */
export async function runTool(
  deps: McpDeps,
  tool: McpTool,
  rawArgs: unknown,
  logger?: Pick<Logger, 'info' | 'error'>,
): Promise<ToolOutcome> {
  const started = performance.now();
  const parsed = tool.input.safeParse(rawArgs ?? {});
  let outcome: ToolOutcome;
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`);
    outcome = { ok: false, message: `Invalid arguments for ${tool.name}: ${problems.join('; ')}` };
  } else {
    try {
      outcome = await tool.run(deps, parsed.data as Record<string, unknown>);
    } catch (err) {
      logger?.error({ err, tool: tool.name }, 'mcp tool failed');
      outcome = {
        ok: false,
        message: `${tool.name} could not be completed because of an internal error; it was logged on the server. Try again later.`,
      };
    }
  }
  logger?.info(
    { tool: tool.name, ok: outcome.ok, ms: Math.round(performance.now() - started) },
    'mcp tool call',
  );
  return outcome;
}
