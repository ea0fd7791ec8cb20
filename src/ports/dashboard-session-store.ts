import type { Sql } from '../ports.ts';

/**
 * Dashboard sign-ins kept server-side, keyed by the digest of the id the cookie carries.
 * PostgreSQL/PGlite: adapters/postgres/dashboard-sessions-repo.ts.
 */
export interface DashboardSessionStore {
  /** Records a new sign-in and drops the ones that expired before `createdAt`. */
  create(sql: Sql, s: { idDigest: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** True while the sign-in exists and has not expired at `now`. */
  isLive(sql: Sql, idDigest: string, now: Date): Promise<boolean>;
  /** Ends the sign-in; a copy of its cookie is refused from then on. */
  revoke(sql: Sql, idDigest: string): Promise<void>;
}
