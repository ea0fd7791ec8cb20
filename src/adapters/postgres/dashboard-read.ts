import type { DashboardRead } from '../../ports/dashboard-read.ts';
import type { Sql } from '../../ports.ts';
import { readContactView, readDocument } from './dashboard-contact-read.ts';
import { type FlagTags, inboxChangeStamp, readInbox } from './dashboard-inbox-read.ts';

/** The dashboard's read models on PostgreSQL/PGlite. */
export function createDashboardRead(sql: Sql, tags: FlagTags): DashboardRead {
  return {
    inbox: (f) => readInbox(sql, tags, f),
    changeStamp: () => inboxChangeStamp(sql),
    contact: (loc, cid) => readContactView(sql, loc, cid),
    document: (id) => readDocument(sql, id),
  };
}
