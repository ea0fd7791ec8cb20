import type { Assessment } from '../domain/buyer/financial-readiness.ts';
import type { Sql } from '../ports.ts';

// A buyer's financial readiness assessments (migrations: financial_assessments).
// PostgreSQL/PGlite: adapters/postgres/financing-repo.ts.

/** The answer already stored for a request, when the same request comes again. */
export interface StoredAnswer {
  source: string;
  preApproved: boolean;
  confidence: number;
}

export interface FinancingStore {
  /** The answer stored under `requestKey`, or null when the request was not answered yet. */
  answerTo(sql: Sql, requestKey: string): Promise<StoredAnswer | null>;
  /** The contact's latest assessment, for the buyer's temperature and the contact view. */
  latest(sql: Sql, locationId: string, contactId: string): Promise<(Assessment & { at: string }) | null>;
  /**
   * Stores an assessment; returns its id, or null when one was stored under the same
   * `requestKey` already (nothing written).
   */
  store(
    sql: Sql,
    row: {
      locationId: string;
      contactId: string;
      assessment: Assessment;
      serviceError: string | null;
      at: Date;
      requestKey: string | undefined;
    },
  ): Promise<number | null>;
}
