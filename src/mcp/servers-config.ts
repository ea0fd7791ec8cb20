import { z } from 'zod';

// External MCP servers the bots may call, as given in MCP_SERVERS. Kept apart from the client so the
// setting can be checked without loading the MCP SDK.

const httpUrl = z.string().refine(
  (s) => {
    try {
      const { protocol } = new URL(s);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an http:// or https:// URL of the server’s MCP endpoint (e.g. https://host/mcp)' },
);

export const mcpServerSchema = z.object({
  /** How callers refer to the server: callTool('listings', …). */
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, "_", "." or "-" (e.g. "listings")'),
  url: httpUrl,
  /** Sent as Authorization: Bearer <token>. */
  token: z.string().min(1, 'must not be empty (leave it out instead)').optional(),
  /** Our tool name → the server's tool name, when they differ. */
  tools: z.record(z.string().min(1), z.string().min(1)).optional(),
});

export const mcpServersSchema = z.array(mcpServerSchema).superRefine(
  (servers, ctx) => {
    const seen = new Set<string>();
    servers.forEach((s, i) => {
      // Also runs when other entries are invalid, so every problem is reported at once.
      const name = (s as { name?: unknown } | null)?.name;
      if (typeof name !== 'string') return;
      if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${name}" is listed twice` });
      }
      seen.add(name);
    });
  },
  { when: (payload) => Array.isArray(payload.value) },
);

export type McpServerConfig = z.infer<typeof mcpServerSchema>;

export class McpServersConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`MCP_SERVERS is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'McpServersConfigError';
  }
}

/**
 * Parses the MCP_SERVERS value (a JSON array). Blank means no servers. Throws McpServersConfigError
 * naming every bad entry and field; tokens never appear in the message.
 */
export function parseMcpServers(json: string): McpServerConfig[] {
  if (json.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new McpServersConfigError([
      `not valid JSON (${(err as Error).message}); expected [{"name":"listings","url":"https://…/mcp","token":"…"}]`,
    ]);
  }
  const parsed = mcpServersSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = [...parsed.error.issues].sort(
      (a, b) => (Number(a.path[0]) || 0) - (Number(b.path[0]) || 0),
    );
    throw new McpServersConfigError(
      issues.map((issue) => {
        const [index, ...rest] = issue.path;
        const where =
          typeof index === 'number'
            ? `server ${index + 1}${rest.length ? ` ${rest.map(String).join('.')}` : ''}`
            : '(root)';
        const message =
          issue.code === 'invalid_type' && rest.length === 0 && typeof index !== 'number'
            ? 'must be a JSON array of servers'
            : issue.message;
        return `${where}: ${message}`;
      }),
    );
  }
  return parsed.data;
}
