import type { Assessment } from '../../domain/buyer/financial-readiness.ts';
import type { Sql } from '../../ports.ts';
import type { FinancingStore } from '../../ports/financing-store.ts';

/** Financial readiness assessments on PostgreSQL and PGlite. */
export const financingRepo: FinancingStore = {
  async answerTo(sql, requestKey) {
    const { rows } = await sql.query<{ source: string; pre_approved: boolean; confidence: number }>(
      `SELECT source, pre_approved, confidence FROM financial_assessments WHERE request_key = $1`,
      [requestKey],
    );
    const d = rows[0];
    return d ? { source: d.source, preApproved: d.pre_approved, confidence: Number(d.confidence) } : null;
  },

  latest: latestAssessment,

  async store(tx, r) {
    const a = r.assessment;
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO financial_assessments (location_id, contact_id, source, pre_approved, requires_review, confidence, max_amount, lender, detail, created_at, request_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
     ON CONFLICT (request_key) DO NOTHING RETURNING id`,
      [
        r.locationId,
        r.contactId,
        a.source,
        a.preApproved,
        a.requiresReview,
        a.confidence,
        a.maxAmount ?? null,
        a.lender ?? null,
        JSON.stringify(r.serviceError ? { serviceError: r.serviceError } : {}),
        r.at,
        r.requestKey ?? null,
      ],
    );
    return rows[0]?.id ?? null;
  },
};

async function latestAssessment(
  sql: Sql,
  loc: string,
  cid: string,
): Promise<(Assessment & { at: string }) | null> {
  const { rows } = await sql.query<{
    source: Assessment['source'];
    pre_approved: boolean;
    requires_review: boolean;
    confidence: number;
    max_amount: number | null;
    lender: string | null;
    created_at: Date;
  }>(
    `SELECT source, pre_approved, requires_review, confidence, max_amount, lender, created_at FROM financial_assessments
      WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 1`,
    [loc, cid],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    source: r.source,
    preApproved: r.pre_approved,
    requiresReview: r.requires_review,
    confidence: Number(r.confidence),
    ...(r.max_amount !== null ? { maxAmount: Number(r.max_amount) } : {}),
    ...(r.lender ? { lender: r.lender } : {}),
    at: new Date(r.created_at).toISOString(),
  };
}
