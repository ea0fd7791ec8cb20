import type { Db } from '../../ports.ts';

/**
 * The database as the turn worker uses it: at most `slots` of its transactions open at once.
 * Turns gather from the network without a connection, so many may be in flight; without this
 * bound their short commits would take every pooled connection at once and leave the webhook
 * receiver and the outbox drainer waiting for one.
 */
export function withTransactionSlots(db: Db, slots: number): Db {
  let free = Math.max(1, slots);
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (free > 0) {
      free -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
    });
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return {
    kind: db.kind,
    query: (text, params) => db.query(text, params),
    exec: (text) => db.exec(text),
    transaction: async (fn) => {
      await acquire();
      try {
        return await db.transaction(fn);
      } finally {
        release();
      }
    },
    close: () => db.close(),
  };
}
