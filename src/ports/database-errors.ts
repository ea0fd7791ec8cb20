// How a Db adapter tells its callers that the database cannot be reached or cannot store anything
// right now (down, restarting, session ended, disk full, read-only), so they answer "try again
// later" instead of reporting a bug.
// Only errors the adapter raised from its driver are marked: an ECONNREFUSED from some other
// service that passes through a transaction is not mistaken for the database being away.
const unreachable = new WeakSet<object>();

/** Called by a Db adapter for a driver error that means the server cannot be reached. */
export function markDatabaseUnreachable(err: object): void {
  unreachable.add(err);
}

/** True when `err` came from the database driver and says the server cannot be reached right now. */
export function isDatabaseUnreachable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && unreachable.has(err);
}
