import { z } from 'zod';
import { listingSchema } from '../../ports/listing-schema.ts';
import { type Listing, listingProblems } from '../../domain/buyer/listing.ts';
import type { Facts } from '../../domain/state.ts';

/** Anything that can call a tool on a named MCP server (the MCP client). */
export interface ToolCaller {
  callTool(server: string, tool: string, args: object, opts?: { signal?: AbortSignal }): Promise<unknown>;
}

export interface ExternalListingsDeps {
  tools: ToolCaller;
  /** The MCP_SERVERS entry that offers `search_listings`. */
  server: string;
  /** Bound on the whole lookup, retries included (MCP_TIMEOUT_MS). */
  deadlineMs: number;
  logger?: { warn(obj: object, msg: string): void };
  onCall?: (outcome: 'ok' | 'error' | 'timeout', count: number) => void;
}

const answerSchema = z.union([z.array(z.unknown()), z.object({ listings: z.array(z.unknown()) })]);

/**
 * Homes from an external listings service exposed as the MCP tool `search_listings`, for the
 * buyer's search. Rows that do not pass the same checks as the listings file are dropped; any
 * failure or a slow answer returns null and the bot matches against the local listings alone.
 */
export async function searchExternalListings(
  deps: ExternalListingsDeps,
  facts: Facts,
): Promise<Listing[] | null> {
  const args = {
    ...(facts.areas?.length ? { areas: facts.areas } : {}),
    ...(facts.budgetMin !== undefined ? { minPrice: facts.budgetMin } : {}),
    ...(facts.budgetMax !== undefined ? { maxPrice: facts.budgetMax } : {}),
    ...(facts.beds !== undefined ? { minBeds: facts.beds } : {}),
    ...(facts.mustHaves?.length ? { mustHaves: facts.mustHaves } : {}),
  };
  const signal = AbortSignal.timeout(deps.deadlineMs);
  try {
    const answer = await deps.tools.callTool(deps.server, 'search_listings', args, { signal });
    const parsed = answerSchema.safeParse(answer);
    if (!parsed.success) throw new Error('search_listings answered something other than a list of listings');
    const rows = Array.isArray(parsed.data) ? parsed.data : parsed.data.listings;
    const listings: Listing[] = [];
    for (const row of rows) {
      const one = listingSchema.safeParse(row);
      if (one.success && listingProblems(one.data).length === 0) listings.push(one.data);
    }
    deps.onCall?.('ok', listings.length);
    return listings;
  } catch (err) {
    const outcome = signal.aborted ? 'timeout' : 'error';
    deps.onCall?.(outcome, 0);
    deps.logger?.warn(
      { server: deps.server, outcome, err: err instanceof Error ? err.message : String(err) },
      'external listings search failed; local listings used',
    );
    return null;
  }
}

/** External homes first, then local ones; one entry per id. */
export function mergeListings(external: readonly Listing[], local: readonly Listing[]): Listing[] {
  const seen = new Set(external.map((l) => l.id));
  return [...external, ...local.filter((l) => !seen.has(l.id))];
}
