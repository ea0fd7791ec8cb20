import type { Db, Sql } from '../../ports.ts';
import type { OutboxDeliveryStore, OutboxRow, SentEntry, SentRow } from '../../ports/outbox-delivery.ts';
import type { Stores } from '../../ports/stores.ts';
import { storeSendResult } from './record-outbound.ts';

/** What one finished step records: its rows' results, and GHL's id of the message it sent. */
export interface SentStep {
  entries: SentEntry[];
  message?: { row: OutboxRow; messageId: string; at: Date };
}

/** What became of a recorded step: its first row's receipt time, and an early delivery report's status. */
export interface SentOutcome {
  sent: SentRow;
  early: string | null;
}

interface Waiting {
  step: SentStep;
  resolve: (outcome: SentOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * Records finished outbox steps in groups: the steps that finish while a group is being committed
 * wait and go together in the next transaction, one statement for all their rows. Under load the
 * drainer finishes tens of steps at once and each used to commit alone (about four transactions
 * per reply on the embedded database, where they run one at a time). A step's caller waits until
 * its own group has committed, so nothing is reported sent before it is recorded. When a group
 * fails, each of its steps is tried again alone, so one step's failure is its own.
 */
export function createSentBookkeeping(deps: { db: Db; delivery: OutboxDeliveryStore; stores: Stores }) {
  let waiting: Waiting[] = [];
  let running = false;

  async function write(tx: Sql, group: Waiting[]): Promise<SentOutcome[]> {
    const sent = await deps.delivery.markEachSent(
      tx,
      group.flatMap((w) => w.step.entries),
    );
    const outcomes: SentOutcome[] = [];
    for (const { step } of group) {
      const first = step.entries[0];
      const m = step.message;
      outcomes.push({
        sent: (first && sent.get(first.id)) ?? { inboxReceivedAt: null },
        early: m ? await storeSendResult(deps.stores, tx, m.row, m.messageId, m.at) : null,
      });
    }
    return outcomes;
  }

  /** The steps waiting now, in the one order every group locks their message ids in. */
  function take(): Waiting[] {
    const group = waiting.sort((a, b) => lockOrder(a.step).localeCompare(lockOrder(b.step)));
    waiting = [];
    return group;
  }

  async function commitAlone(w: Waiting): Promise<void> {
    try {
      const [outcome] = await deps.db.transaction((tx) => write(tx, [w]));
      w.resolve(outcome as SentOutcome);
    } catch (err) {
      w.reject(err);
    }
  }

  async function run(): Promise<void> {
    try {
      while (waiting.length > 0) {
        // The group is taken once the transaction has its connection (on the embedded database,
        // once the statements before it are done), so the steps that finished meanwhile join it.
        const held: { group?: Waiting[] } = {};
        try {
          const outcomes = await deps.db.transaction((tx) => {
            held.group ??= take();
            return write(tx, held.group);
          });
          for (const [i, w] of (held.group ?? []).entries()) w.resolve(outcomes[i] as SentOutcome);
        } catch (err) {
          const failed = held.group ?? take();
          if (failed.length === 1) failed[0]?.reject(err);
          else for (const w of failed) await commitAlone(w);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    /** Records one finished step; settles when the group it joined has committed (or failed). */
    record(step: SentStep): Promise<SentOutcome> {
      return new Promise<SentOutcome>((resolve, reject) => {
        waiting.push({ step, resolve, reject });
        // The steps finishing in this same turn of the event loop join the first group too.
        if (!running) {
          running = true;
          setImmediate(run);
        }
      });
    },
  };
}

const lockOrder = (step: SentStep) => step.message?.messageId ?? '';
