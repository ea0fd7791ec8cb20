import { describe, expect, it } from 'vitest';
import { fillScript, SCRIPTS, TAGS_OF } from '../../bench/load/scripts.ts';
import { converse } from '../support/converse.ts';

// The load bench's leads (bench/load/scripts.ts) are ordinary, willing leads: every message they
// send gets a reply and none of them is closed. A reader that takes an opener such as "Hello, I
// found your number on zillow" for "already bought" closes the lead for good; the bench then counts
// the rest of the conversation as lost.

const SLOTS = ['2026-12-07T18:00:00.000Z', '2026-12-08T18:00:00.000Z', '2026-12-09T18:00:00.000Z'];

describe('the load bench scripts through the pure turn', () => {
  it.each(SCRIPTS.map((s) => [s.id, s] as const))(
    '%s: every message is answered, no lead is closed',
    (_, script) => {
      for (let k = 0; k < 6; k++) {
        const texts = fillScript(script, (options) => options[k % options.length] as string).flat();
        const ds = converse(texts, [...TAGS_OF[script.kind]], { calendar: true, slots: SLOTS });
        const unanswered = texts.filter((_t, i) => !ds[i]?.reply);
        expect(unanswered).toEqual([]);
        const closed = ds.flatMap((d, i) =>
          d.state.stage === 'closed' && d.state.closedReason !== 'qualified'
            ? [`${texts[i]} (${d.state.closedReason})`]
            : [],
        );
        expect(closed).toEqual([]);
      }
    },
  );
});
