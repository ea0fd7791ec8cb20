import { audit } from '../../adapters/postgres/contacts-repo.ts';
import { enqueueOutbox } from '../../adapters/postgres/outbox-repo.ts';
import {
  type Assessment,
  CONSERVATIVE_ASSESSMENT,
  heuristicAssessment,
} from '../../domain/buyer/financial-readiness.ts';
import type { Facts } from '../../domain/state.ts';
import type { Clock, Db, FinancialReadiness, Sql } from '../../ports.ts';

export interface FinancingDeps {
  db: Db;
  clock: Clock;
  /** Null when FINANCIAL_SERVICE_URL is not set: heuristics only. */
  service: FinancialReadiness | null;
  logger: { warn(obj: object, msg: string): void };
}

/**
 * Assesses a buyer's financial readiness: the service first; when it fails (after retries),
 * heuristics from the conversation; failing that a conservative default — and a manual-review
 * task for the agent whenever the answer is not the service's. The conversation never waits.
 */
export async function assessFinancing(
  deps: FinancingDeps,
  locationId: string,
  contactId: string,
  /** Names the request (its outbox row): asked again, the stored answer is returned, nothing redone. */
  requestKey?: string,
): Promise<Record<string, unknown>> {
  if (requestKey) {
    const { rows: done } = await deps.db.query<{ source: string; pre_approved: boolean; confidence: number }>(
      `SELECT source, pre_approved, confidence FROM financial_assessments WHERE request_key = $1`,
      [requestKey],
    );
    const d = done[0];
    if (d)
      return {
        source: d.source,
        preApproved: d.pre_approved,
        confidence: Number(d.confidence),
        repeated: true,
      };
  }
  const { rows } = await deps.db.query<{
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
    state: { facts?: Facts } | null;
  }>(
    `SELECT c.first_name, c.last_name, c.email, c.phone, v.state FROM contacts c
       LEFT JOIN conversations v ON v.location_id = c.location_id AND v.contact_id = c.id
      WHERE c.location_id = $1 AND c.id = $2`,
    [locationId, contactId],
  );
  const c = rows[0];
  const facts: Facts = c?.state?.facts ?? {};
  let assessment: Assessment | null = null;
  let serviceError: string | null = null;
  if (deps.service) {
    try {
      const s = await deps.service.assess({
        contactId,
        ...(c?.first_name ? { firstName: c.first_name } : {}),
        ...(c?.last_name ? { lastName: c.last_name } : {}),
        ...(c?.email ? { email: c.email } : {}),
        ...(c?.phone ? { phone: c.phone } : {}),
        ...(facts.financing ? { statedFinancing: facts.financing } : {}),
        ...(facts.lender ? { statedLender: facts.lender } : {}),
        ...(facts.budgetMax !== undefined ? { budgetMax: facts.budgetMax } : {}),
      });
      assessment = { source: 'service', ...s, requiresReview: s.confidence < 0.7 };
    } catch (err) {
      serviceError = (err as Error).message;
      deps.logger.warn({ err }, 'financial readiness service failed; using the fallback');
    }
  }
  assessment ??= heuristicAssessment(facts) ?? CONSERVATIVE_ASSESSMENT;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await latestAssessment(tx, locationId, contactId);
    const id = await storeAssessment(tx, locationId, contactId, assessment, serviceError, now, requestKey);
    // Another attempt of the same request stored it first: its task and audit entry exist too.
    if (id === null) return;
    // One task per stretch of unconfirmed financing: a new budget while the agent's review is
    // still due asks for nothing more; once confirmed, going unconfirmed again asks anew.
    if (asksForReview(assessment) && !(before && asksForReview(before))) {
      await enqueueOutbox(tx, {
        locationId,
        contactId,
        inboxId: null,
        action: {
          kind: 'create_task',
          title: 'Review buyer financing',
          body: `Financial readiness is unconfirmed (source: ${assessment.source}${serviceError ? `; the pre-qualification service failed: ${serviceError}` : ''}). Check pre-approval status with the buyer.`,
          dueDate: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
        },
        idempotencyKey: requestKey ? `fin:${requestKey}:review` : `fin:${id}:review`,
        at: now,
      });
    }
    await audit(tx, {
      locationId,
      contactId,
      actor: 'system',
      action: 'financial_assessment',
      detail: { source: assessment.source, preApproved: assessment.preApproved, serviceError },
      at: now,
    });
  });
  return {
    source: assessment.source,
    preApproved: assessment.preApproved,
    confidence: assessment.confidence,
  };
}

/** An assessment that filed a review task for the agent: a fallback that could not confirm financing. */
const asksForReview = (a: Pick<Assessment, 'source' | 'requiresReview'>) =>
  a.source !== 'service' && a.requiresReview;

async function storeAssessment(
  tx: Sql,
  loc: string,
  cid: string,
  a: Assessment,
  serviceError: string | null,
  now: Date,
  requestKey: string | undefined,
): Promise<number | null> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO financial_assessments (location_id, contact_id, source, pre_approved, requires_review, confidence, max_amount, lender, detail, created_at, request_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
     ON CONFLICT (request_key) DO NOTHING RETURNING id`,
    [
      loc,
      cid,
      a.source,
      a.preApproved,
      a.requiresReview,
      a.confidence,
      a.maxAmount ?? null,
      a.lender ?? null,
      JSON.stringify(serviceError ? { serviceError } : {}),
      now,
      requestKey ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The latest assessment, for the buyer's temperature and the contact view. */
export async function latestAssessment(
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
