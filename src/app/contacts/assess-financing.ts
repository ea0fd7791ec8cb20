import {
  type Assessment,
  CONSERVATIVE_ASSESSMENT,
  heuristicAssessment,
} from '../../domain/buyer/financial-readiness.ts';
import type { Facts } from '../../domain/state.ts';
import type { Clock, Db, FinancialReadiness } from '../../ports.ts';
import type { Stores } from '../../ports/stores.ts';

export interface FinancingDeps {
  db: Db;
  stores: Pick<Stores, 'contacts' | 'outbox' | 'financing'>;
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
    const d = await deps.stores.financing.answerTo(deps.db, requestKey);
    if (d) return { ...d, repeated: true };
  }
  const c = await deps.stores.contacts.withFacts(deps.db, locationId, contactId);
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
    const before = await deps.stores.financing.latest(tx, locationId, contactId);
    const id = await deps.stores.financing.store(tx, {
      locationId,
      contactId,
      assessment,
      serviceError,
      at: now,
      requestKey,
    });
    // Another attempt of the same request stored it first: its task and audit entry exist too.
    if (id === null) return;
    // One task per stretch of unconfirmed financing: a new budget while the agent's review is
    // still due asks for nothing more; once confirmed, going unconfirmed again asks anew.
    if (asksForReview(assessment) && !(before && asksForReview(before))) {
      await deps.stores.outbox.enqueue(tx, {
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
    await deps.stores.contacts.audit(tx, {
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
