import type { Db, Sql } from '../../ports.ts';

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
export function withinBudget<T>(tx: Sql, budgetMs: number, turn: (tx: Sql) => Promise<T>): Promise<T> {
  return raceBudget(budgetMs, (over) =>
    turn({
      query: (text, params) =>
        over() ? Promise.reject(new TurnOverrunError(budgetMs)) : tx.query(text, params),
    }),
  );
}

/**
 * Runs a whole turn (gathering from the network, then committing) within `budgetMs`: past it the
 * turn is abandoned, and every statement it still sends through the guarded database fails, so a
 * commit in progress rolls back and releases the contact's lock.
 */
export function withinTurnBudget<T>(db: Db, budgetMs: number, turn: (db: Db) => Promise<T>): Promise<T> {
  return raceBudget(budgetMs, (over) => {
    const refuse = () => Promise.reject(new TurnOverrunError(budgetMs));
    const guard = (sql: Sql): Sql => ({
      query: (text, params) => (over() ? refuse() : sql.query(text, params)),
    });
    return turn({
      kind: db.kind,
      query: guard(db).query,
      exec: (text) => (over() ? refuse() : db.exec(text)),
      transaction: (fn) => db.transaction((tx) => fn(guard(tx))),
      close: () => db.close(),
    });
  });
}

/** Runs `work` until it settles or `budgetMs` passes, whichever comes first; `over()` says which. */
function raceBudget<T>(budgetMs: number, work: (over: () => boolean) => Promise<T>): Promise<T> {
  let over = false;
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      over = true;
      reject(new TurnOverrunError(budgetMs));
    }, budgetMs);
  });
  let running: Promise<T>;
  try {
    running = work(() => over);
  } catch (err) {
    clearTimeout(timer);
    return Promise.reject(err);
  }
  // Once abandoned, the turn's own failure is expected and has nobody to report to.
  running.catch(() => {});
  return Promise.race([running, overrun]).finally(() => clearTimeout(timer));
}
