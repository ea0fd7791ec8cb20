import type { DashboardSessionStore } from '../../ports/dashboard-session-store.ts';

/** Dashboard sign-ins on PostgreSQL/PGlite (migration 017). */
export const dashboardSessionsRepo: DashboardSessionStore = {
  async create(sql, s) {
    await sql.query(`DELETE FROM dashboard_sessions WHERE expires_at <= $1`, [s.createdAt]);
    await sql.query(
      `INSERT INTO dashboard_sessions (id_digest, created_at, expires_at) VALUES ($1, $2, $3)`,
      [s.idDigest, s.createdAt, s.expiresAt],
    );
  },
  async isLive(sql, idDigest, now) {
    const { rows } = await sql.query(
      `SELECT 1 FROM dashboard_sessions WHERE id_digest = $1 AND expires_at > $2`,
      [idDigest, now],
    );
    return rows.length > 0;
  },
  async revoke(sql, idDigest) {
    await sql.query(`DELETE FROM dashboard_sessions WHERE id_digest = $1`, [idDigest]);
  },
};
