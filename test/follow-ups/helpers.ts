import type { TestDb } from '../support/db.ts';
import { postJson } from '../support/service.ts';

/** A clock the test moves by hand; the sandbox clock adds its own offset on top. */
export function manualClock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (at: string) => {
      t = new Date(at).getTime();
    },
  };
}

export const SELLER_MESSAGE =
  "Hi, I want to sell my house at 6842 Etiwanda Ave, Rancho Cucamonga. We're relocating to Austin for a new job, selling in 30-45 days works for us, it's move-in ready, and I'd be happy with 650k";

export async function say(
  url: string,
  contactId: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  const res = await postJson(`${url}/api/v1/sandbox/messages`, { contactId, message, ...extra });
  if (res.status !== 200)
    throw new Error(`sandbox message failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function advance(url: string, days: number) {
  return postJson(`${url}/api/v1/sandbox/advance-clock`, { days });
}

/** A seller with an email writes in and the sandbox clock passes days 3 and 7: day 14 (the CMA email) is next. */
export async function sellerBeforeDay14(url: string, contactId: string) {
  await say(url, contactId, SELLER_MESSAGE, {
    tags: ['Seller-Lead'],
    contact: { firstName: 'Ana', email: 'ana@example.com' },
  });
  await advance(url, 3);
  await advance(url, 4);
}

export async function contact(url: string, id: string) {
  const res = await fetch(`${url}/api/v1/contacts/${id}?locationId=sandbox`);
  return (await res.json()) as Record<string, any>;
}

/** What the sandbox CRM recorded for a contact, oldest first. */
export async function crmRecords(tdb: TestDb, contactId: string, kind?: string) {
  const { rows } = await tdb.db.query<{
    id: number;
    kind: string;
    payload: Record<string, any>;
    created_at: Date;
  }>(
    `SELECT id, kind, payload, created_at FROM sandbox_crm_records
      WHERE contact_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY id`,
    [contactId, kind ?? null],
  );
  return rows;
}
