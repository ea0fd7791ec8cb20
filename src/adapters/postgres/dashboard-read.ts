import type { DashboardRead } from '../../ports/dashboard-read.ts';
import type { Db } from '../../ports.ts';
import { planEachRun } from './db.ts';
import { readContactView, readDocument } from './dashboard-contact-read.ts';
import { type FlagTags, inboxChangeStamp, readInbox } from './dashboard-inbox-read.ts';

/** The dashboard's read models on PostgreSQL/PGlite, planned on each run's values (db.ts). */
export function createDashboardRead(db: Db, tags: FlagTags): DashboardRead {
  const sql = planEachRun(db);
  return {
    inbox: (f) => readInbox(sql, tags, f),
    changeStamp: () => inboxChangeStamp(sql),
    contact: (loc, cid) => readContactView(sql, loc, cid),
    document: (id) => readDocument(sql, id),
  };
}
