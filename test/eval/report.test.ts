import { describe, expect, it } from 'vitest';
import type { ConversationResult } from '../../eval/lib/conversation-eval.ts';
import { renderReport, type SplitResult } from '../../eval/lib/report.ts';
import type { UtteranceReport } from '../../eval/lib/utterance-eval.ts';

// The report of `npm run eval` puts each split's conversation checks in its own table: a split
// whose conversations pass must not show 0% because another split ran before or after it.

const noUtterances: UtteranceReport = {
  count: 0,
  slots: {},
  acts: {},
  slotsExact: { hit: 0, total: 0 },
  complianceMisses: [],
  misses: [],
  microsPerMessage: 0,
};

function conversation(id: string, checks: Record<string, boolean>): ConversationResult {
  return { id, lang: 'en', checks, problems: [], transcript: [], maxRepeats: 1, complianceMiss: false };
}

function checksTable(report: string, split: string): Record<string, string> {
  const start = report.indexOf(`### ${split}: conversation checks`);
  const rows = report.slice(start).split('\n').slice(4);
  const out: Record<string, string> = {};
  for (const row of rows) {
    const m = /^\| (\w+) \| \d+ \| ([\d.]+%|n\/a) \|$/.exec(row);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('eval report', () => {
  const train: SplitResult = {
    split: 'train',
    utterances: noUtterances,
    conversations: [
      conversation('c1', { opted_out: true, slots: false, form: true }),
      conversation('c2', { opted_out: true, form: false }),
    ],
  };
  const dev: SplitResult = {
    split: 'dev',
    utterances: noUtterances,
    conversations: [
      conversation('dc1', { opted_out: true, slots: true, temperature: true, form: true }),
      conversation('dc2', { opted_out: true, handoff_to_human: true, form: true }),
    ],
  };
  const report = renderReport([train, dev], { date: '2026-12-05', machine: 'test' });

  it('shows every split as a column of the summary, in the order run', () => {
    expect(report).toContain('| | train | dev |');
    expect(report).toContain('| conversations passing every check | 0.0% (0/2) | 100.0% (2/2) |');
  });

  it('counts each split’s conversation checks only over that split’s conversations', () => {
    expect(checksTable(report, 'train')).toEqual({ opted_out: '100.0%', slots: '0.0%', form: '50.0%' });
    expect(checksTable(report, 'dev')).toEqual({
      opted_out: '100.0%',
      slots: '100.0%',
      temperature: '100.0%',
      form: '100.0%',
      handoff_to_human: '100.0%',
    });
  });
});
