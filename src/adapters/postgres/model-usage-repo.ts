import type { ModelCallRecord } from '../../ports/model-call-record.ts';
import type { Sql } from '../../ports.ts';
import type { ModelUsageTotals } from '../../ports/contact-view.ts';

/** A model call's model_usage columns (besides location, contact, inbox and time), by column name. */
export function modelUsageColumns(r: ModelCallRecord) {
  return {
    task: r.task,
    agent: r.agent,
    model: r.model,
    outcome: r.outcome,
    prompt_mode: r.promptMode,
    input_tokens: r.usage?.inputTokens ?? 0,
    output_tokens: r.usage?.outputTokens ?? 0,
    cache_read_tokens: r.usage?.cacheReadTokens ?? 0,
    cache_write_tokens: r.usage?.cacheWriteTokens ?? 0,
    cost_usd: r.costUsd,
    latency_ms: Math.round(r.latencyMs),
    detail: r.detail ?? null,
  };
}

export async function recordModelCall(
  sql: Sql,
  row: { locationId: string; contactId: string; inboxId: number | null; record: ModelCallRecord; at: Date },
): Promise<void> {
  const c = modelUsageColumns(row.record);
  await sql.query(
    `INSERT INTO model_usage (location_id, contact_id, inbox_id, task, agent, model, outcome, prompt_mode,
       input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, latency_ms, detail, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
    [
      row.locationId,
      row.contactId,
      row.inboxId,
      c.task,
      c.agent,
      c.model,
      c.outcome,
      c.prompt_mode,
      c.input_tokens,
      c.output_tokens,
      c.cache_read_tokens,
      c.cache_write_tokens,
      c.cost_usd,
      c.latency_ms,
      c.detail,
      row.at,
    ],
  );
}

export type { ModelUsageTotals };

/** Totals of a contact's model calls (what the contact API shows). */
export async function modelUsageTotals(
  sql: Sql,
  locationId: string,
  contactId: string,
): Promise<ModelUsageTotals> {
  const { rows } = await sql.query<Record<keyof ModelUsageTotals, string | number | null>>(
    `SELECT count(*) AS calls,
            count(*) FILTER (WHERE outcome = 'used') AS used,
            count(*) FILTER (WHERE outcome <> 'used') AS fallbacks,
            coalesce(sum(input_tokens), 0) AS "inputTokens",
            coalesce(sum(output_tokens), 0) AS "outputTokens",
            coalesce(sum(cache_read_tokens), 0) AS "cacheReadTokens",
            coalesce(sum(cache_write_tokens), 0) AS "cacheWriteTokens",
            coalesce(sum(cost_usd), 0) AS "costUsd"
       FROM model_usage WHERE location_id = $1 AND contact_id = $2`,
    [locationId, contactId],
  );
  const r = rows[0]!;
  const n = (v: string | number | null) => Number(v ?? 0);
  return {
    calls: n(r.calls),
    used: n(r.used),
    fallbacks: n(r.fallbacks),
    inputTokens: n(r.inputTokens),
    outputTokens: n(r.outputTokens),
    cacheReadTokens: n(r.cacheReadTokens),
    cacheWriteTokens: n(r.cacheWriteTokens),
    costUsd: Math.round(n(r.costUsd) * 1e6) / 1e6,
  };
}
