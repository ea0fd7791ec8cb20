import type { Db, Sql } from '../ports.ts';

/** A turn ran past its time budget and was abandoned (its transaction rolls back). */
export class TurnOverrunError extends Error {
  constructor(readonly budgetMs: number) {
    super(`turn ran past its ${budgetMs} ms budget`);
    this.name = 'TurnOverrunError';
  }
}

/**
 * Runs `turn` on `tx`, giving up after `budgetMs`: the caller's transaction then rolls back and
 * releases the contact's lock. A turn waiting on the network (a model, a calendar) can be
 * abandoned this way; one stuck in a loop cannot (the timer never fires), which is what counting
 * attempts before the turn is for. The abandoned turn may still be running: every query it makes
 * after the budget fails, so it can never write through a connection that is no longer its own.
 */
export async function withinBudget<T>(tx: Sql, budgetMs: number, turn: (tx: Sql) => Promise<T>): Promise<T> {
  let over = false;
  const guarded: Sql = {
    query: (text, params) => (over ? Promise.reject(new TurnOverrunError(budgetMs)) : tx.query(text, params)),
  };
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      over = true;
      reject(new TurnOverrunError(budgetMs));
    }, budgetMs);
  });
  const work = turn(guarded);
  // Once abandoned, the turn's own failure is expected and has nobody to report to.
  work.catch(() => {});
  try {
    return await Promise.race([work, overrun]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a whole turn (gathering from the network, then committing) within `budgetMs`: past it the
 * turn is abandoned, and every statement it still sends through the guarded database fails, so a
 * commit in progress rolls back and releases the contact's lock.
 */
export async function withinTurnBudget<T>(
  db: Db,
  budgetMs: number,
  turn: (db: Db) => Promise<T>,
): Promise<T> {
  let over = false;
  const guard = (sql: Sql): Sql => ({
    query: (text, params) =>
      over ? Promise.reject(new TurnOverrunError(budgetMs)) : sql.query(text, params),
  });
  const guarded: Db = {
    kind: db.kind,
    query: guard(db).query,
    exec: (text) => (over ? Promise.reject(new TurnOverrunError(budgetMs)) : db.exec(text)),
    transaction: (fn) => db.transaction((tx) => fn(guard(tx))),
    close: () => db.close(),
  };
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      over = true;
      reject(new TurnOverrunError(budgetMs));
    }, budgetMs);
  });
  const work = turn(guarded);
  work.catch(() => {});
  try {
    return await Promise.race([work, overrun]);
  } finally {
    clearTimeout(timer);
  }
}
