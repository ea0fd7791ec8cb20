// Sealed GHL OAuth tokens per location or company (migration 011). Values arrive sealed; this file
// never sees a plain token.
import type { Sql } from '../../ports.ts';

export interface TokenRow {
  resourceId: string;
  userType: 'Location' | 'Company';
  companyId: string | null;
  accessSealed: string;
  refreshSealed: string | null;
  expiresAt: Date;
  scope: string | null;
}

interface RawRow {
  resource_id: string;
  user_type: 'Location' | 'Company';
  company_id: string | null;
  access_token_sealed: string;
  refresh_token_sealed: string | null;
  expires_at: Date | string;
  scope: string | null;
}

const COLUMNS =
  'resource_id, user_type, company_id, access_token_sealed, refresh_token_sealed, expires_at, scope';

function toRow(r: RawRow): TokenRow {
  return {
    resourceId: r.resource_id,
    userType: r.user_type,
    companyId: r.company_id,
    accessSealed: r.access_token_sealed,
    refreshSealed: r.refresh_token_sealed,
    expiresAt: r.expires_at instanceof Date ? r.expires_at : new Date(r.expires_at),
    scope: r.scope,
  };
}

export async function findToken(sql: Sql, resourceId: string): Promise<TokenRow | undefined> {
  const r = await sql.query<RawRow>(`SELECT ${COLUMNS} FROM ghl_oauth_tokens WHERE resource_id = $1`, [
    resourceId,
  ]);
  return r.rows[0] ? toRow(r.rows[0]) : undefined;
}

/** Inside a transaction: the row, locked until commit, so one caller at a time renews it. */
export async function lockToken(tx: Sql, resourceId: string): Promise<TokenRow | undefined> {
  const r = await tx.query<RawRow>(
    `SELECT ${COLUMNS} FROM ghl_oauth_tokens WHERE resource_id = $1 FOR UPDATE`,
    [resourceId],
  );
  return r.rows[0] ? toRow(r.rows[0]) : undefined;
}

/** An install (or reinstall) replaces whatever was stored for the resource. */
export async function saveToken(sql: Sql, row: TokenRow): Promise<void> {
  await sql.query(
    `INSERT INTO ghl_oauth_tokens (${COLUMNS}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (resource_id) DO UPDATE SET user_type = EXCLUDED.user_type, company_id = EXCLUDED.company_id,
       access_token_sealed = EXCLUDED.access_token_sealed, refresh_token_sealed = EXCLUDED.refresh_token_sealed,
       expires_at = EXCLUDED.expires_at, scope = EXCLUDED.scope, updated_at = now()`,
    [
      row.resourceId,
      row.userType,
      row.companyId,
      row.accessSealed,
      row.refreshSealed,
      row.expiresAt,
      row.scope,
    ],
  );
}

/**
 * Stores a renewed pair only if the refresh token is still the one that was spent (compare and
 * swap); false when another caller got there first or the app was uninstalled meanwhile.
 */
export async function replaceToken(
  tx: Sql,
  spentRefreshSealed: string | null,
  row: TokenRow,
): Promise<boolean> {
  const r = await tx.query<{ resource_id: string }>(
    `UPDATE ghl_oauth_tokens SET access_token_sealed = $2, refresh_token_sealed = $3, expires_at = $4,
       scope = COALESCE($5, scope), updated_at = now()
     WHERE resource_id = $1 AND refresh_token_sealed IS NOT DISTINCT FROM $6
     RETURNING resource_id`,
    [row.resourceId, row.accessSealed, row.refreshSealed, row.expiresAt, row.scope, spentRefreshSealed],
  );
  return r.rows.length === 1;
}

/** Company rows, for minting tokens of locations that arrive without their own install. */
export async function listCompanyTokens(sql: Sql): Promise<TokenRow[]> {
  const r = await sql.query<RawRow>(
    `SELECT ${COLUMNS} FROM ghl_oauth_tokens WHERE user_type = 'Company' ORDER BY updated_at DESC LIMIT 20`,
  );
  return r.rows.map(toRow);
}

/** UNINSTALL of a location removes its row; of a company, the company's row and every row under it. */
export async function deleteTokens(
  sql: Sql,
  target: { locationId?: string; companyId?: string },
): Promise<number> {
  if (target.locationId) {
    const r = await sql.query<{ resource_id: string }>(
      `DELETE FROM ghl_oauth_tokens WHERE resource_id = $1 AND user_type = 'Location' RETURNING resource_id`,
      [target.locationId],
    );
    return r.rows.length;
  }
  if (target.companyId) {
    const r = await sql.query<{ resource_id: string }>(
      `DELETE FROM ghl_oauth_tokens WHERE resource_id = $1 OR company_id = $1 RETURNING resource_id`,
      [target.companyId],
    );
    return r.rows.length;
  }
  return 0;
}
