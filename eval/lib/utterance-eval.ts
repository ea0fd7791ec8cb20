import type { Understanding, UtteranceContext } from '../../src/domain/understand/types.ts';
import { actLabel, type Utterance } from './corpus.ts';

export type Reader = (text: string, ctx: UtteranceContext) => Understanding;

export interface Tally {
  /** Labelled items the reader got (recall numerator) / labelled items. */
  hit: number;
  total: number;
  /** Items the reader produced where the label has none (or another value). */
  falsePositives: number;
}

export interface UtteranceReport {
  count: number;
  /** Per slot: exact value over utterances labelled with the slot; FP = produced but not labelled. */
  slots: Record<string, Tally>;
  /** Per act label (with subtype). */
  acts: Record<string, Tally>;
  /** All slot values of an utterance exactly right (and nothing extra). */
  slotsExact: { hit: number; total: number };
  /** Any STOP/HELP/START missed or produced where the label has none. */
  complianceMisses: { id: string; text: string; expected: string[]; got: string[] }[];
  misses: { id: string; text: string; problems: string[] }[];
  /** Mean reader time per message, microseconds. */
  microsPerMessage: number;
}

const tally = (m: Record<string, Tally>, k: string): Tally => {
  m[k] ??= { hit: 0, total: 0, falsePositives: 0 };
  return m[k];
};

const KEYWORD = /^keyword:/;

export function evaluateUtterances(items: readonly Utterance[], read: Reader): UtteranceReport {
  const slots: Record<string, Tally> = {};
  const acts: Record<string, Tally> = {};
  const complianceMisses: UtteranceReport['complianceMisses'] = [];
  const misses: UtteranceReport['misses'] = [];
  let exact = 0;
  let withSlots = 0;
  let elapsed = 0;
  for (const u of items) {
    const ctx: UtteranceContext = {
      bot: u.context.bot,
      lastQuestion: u.context.lastQuestion,
      now: new Date(`${u.context.now}T18:00:00Z`),
    };
    const t0 = process.hrtime.bigint();
    const got = read(u.text, ctx);
    elapsed += Number(process.hrtime.bigint() - t0);
    const problems: string[] = [];

    const want = u.slots as Record<string, unknown>;
    const have = got.slots as Record<string, unknown>;
    let allRight = true;
    for (const k of new Set([...Object.keys(want), ...Object.keys(have)])) {
      const t = tally(slots, k);
      const w = want[k];
      const h = have[k];
      if (w !== undefined) {
        t.total += 1;
        if (h === w) t.hit += 1;
        else {
          allRight = false;
          problems.push(`slot ${k}: want ${JSON.stringify(w)}, got ${JSON.stringify(h)}`);
          if (h !== undefined) t.falsePositives += 1;
        }
      } else if (h !== undefined) {
        t.falsePositives += 1;
        allRight = false;
        problems.push(`slot ${k}: none wanted, got ${JSON.stringify(h)}`);
      }
    }
    if (Object.keys(want).length > 0) {
      withSlots += 1;
      if (allRight) exact += 1;
    }

    const wantActs = new Set(u.acts.map(actLabel));
    const haveActs = new Set(got.acts.map(actLabel));
    for (const a of wantActs) {
      const t = tally(acts, a);
      t.total += 1;
      if (haveActs.has(a)) t.hit += 1;
      else problems.push(`act ${a} missed`);
    }
    for (const a of haveActs) {
      if (wantActs.has(a)) continue;
      tally(acts, a).falsePositives += 1;
      problems.push(`act ${a} not wanted`);
    }
    const wantKw = [...wantActs].filter((a) => KEYWORD.test(a)).sort();
    const haveKw = [...haveActs].filter((a) => KEYWORD.test(a)).sort();
    if (wantKw.join() !== haveKw.join())
      complianceMisses.push({ id: u.id, text: u.text, expected: wantKw, got: haveKw });
    if (problems.length > 0) misses.push({ id: u.id, text: u.text, problems });
  }
  return {
    count: items.length,
    slots,
    acts,
    slotsExact: { hit: exact, total: withSlots },
    complianceMisses,
    misses,
    microsPerMessage: items.length === 0 ? 0 : elapsed / items.length / 1000,
  };
}

/** Sums tallies whose label starts with `prefix` ("question:", "objection:"). */
export function family(m: Record<string, Tally>, prefix: string): Tally {
  const out: Tally = { hit: 0, total: 0, falsePositives: 0 };
  for (const [k, t] of Object.entries(m)) {
    if (!k.startsWith(prefix)) continue;
    out.hit += t.hit;
    out.total += t.total;
    out.falsePositives += t.falsePositives;
  }
  return out;
}

export const pct = (hit: number, total: number): string =>
  total === 0 ? 'n/a' : `${((100 * hit) / total).toFixed(1)}%`;
