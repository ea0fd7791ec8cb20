// GHL's message statuses (conversations.json, GetMessageResponseDto.status), as delivery reports and
// send results carry them.

/** Failed for good: the message did not reach the contact. */
export const UNDELIVERED_STATUSES: ReadonlySet<string> = new Set(['failed', 'undelivered']);

/**
 * How far along each status is. A report never moves a message back to an earlier stage: a retried
 * "pending" arriving after "delivered" is kept as history only.
 */
export const DELIVERY_RANK: Readonly<Record<string, number>> = {
  scheduled: 0,
  queued: 0,
  pending: 0,
  sent: 1,
  connected: 1,
  delivered: 2,
  failed: 2,
  undelivered: 2,
  opt_out: 2,
  completed: 2,
  read: 3,
  opened: 3,
  clicked: 3,
};

/** The status as a bounded metric label: GHL's known statuses, else "other". */
export function statusLabel(status: string | undefined): string {
  if (!status) return 'none';
  const s = status.toLowerCase();
  return s in DELIVERY_RANK ? s : 'other';
}
