import type { ConversationResult } from './conversation-eval.ts';
import { family, pct, type Tally, type UtteranceReport } from './utterance-eval.ts';

export interface SplitResult {
  split: string;
  utterances: UtteranceReport;
  conversations: ConversationResult[];
}

/** The headline numbers of one split, as the targets name them. */
export function headline(r: SplitResult) {
  const u = r.utterances;
  const slotHit = Object.values(u.slots).reduce((s, t) => s + t.hit, 0);
  const slotTotal = Object.values(u.slots).reduce((s, t) => s + t.total, 0);
  const passed = r.conversations.filter((c) => Object.values(c.checks).every(Boolean)).length;
  return {
    slotValues: { hit: slotHit, total: slotTotal },
    questions: family(u.acts, 'question:'),
    objections: family(u.acts, 'objection:'),
    keywordMisses: u.complianceMisses.length,
    conversationsPassed: passed,
    conversations: r.conversations.length,
    conversationComplianceMisses: r.conversations.filter((c) => c.complianceMiss).length,
    maxRepeats: Math.max(0, ...r.conversations.map((c) => c.maxRepeats)),
    overTwice: r.conversations.filter((c) => c.maxRepeats > 2).length,
  };
}

const row = (label: string, t: Tally) =>
  `| ${label} | ${t.total} | ${pct(t.hit, t.total)} | ${t.falsePositives} |`;

export function renderReport(results: SplitResult[], meta: { date: string; machine: string }): string {
  const out: string[] = [`Measured ${meta.date} on ${meta.machine} with \`npm run eval\`.`, ''];
  out.push(
    '| | ' + results.map((r) => r.split).join(' | ') + ' |',
    '|---|' + results.map(() => '--:').join('|') + '|',
  );
  const h = results.map(headline);
  const line = (label: string, f: (x: ReturnType<typeof headline>) => string) =>
    out.push(`| ${label} | ${h.map(f).join(' | ')} |`);
  line('slot values exact', (x) => `${pct(x.slotValues.hit, x.slotValues.total)} of ${x.slotValues.total}`);
  line(
    'question recall (topic exact)',
    (x) => `${pct(x.questions.hit, x.questions.total)} of ${x.questions.total}`,
  );
  line(
    'objection recall (type exact)',
    (x) => `${pct(x.objections.hit, x.objections.total)} of ${x.objections.total}`,
  );
  line('STOP/HELP/START misses + false alarms', (x) => String(x.keywordMisses));
  line(
    'conversations passing every check',
    (x) => `${pct(x.conversationsPassed, x.conversations)} (${x.conversationsPassed}/${x.conversations})`,
  );
  line('conversation compliance misses', (x) => String(x.conversationComplianceMisses));
  line('conversations asking a question > twice', (x) => String(x.overTwice));
  const micros = results.map((r) => `${r.utterances.microsPerMessage.toFixed(0)} µs`);
  out.push(
    `| reader time per message (mean incl. warm-up; speed is \`npm run bench:bots\`) | ${micros.join(' | ')} |`,
  );

  for (const r of results) {
    const u = r.utterances;
    out.push(
      '',
      `### ${r.split}: slots (${u.count} messages)`,
      '',
      '| slot | labelled | exact | false positives |',
      '|---|--:|--:|--:|',
    );
    for (const [k, t] of Object.entries(u.slots).sort()) out.push(row(k, t));
    out.push(
      '',
      `### ${r.split}: acts`,
      '',
      '| act | labelled | recall | false positives |',
      '|---|--:|--:|--:|',
    );
    for (const [k, t] of Object.entries(u.acts).sort()) out.push(row(k, t));
    const checks: Record<string, [number, number]> = {};
    for (const c of r.conversations)
      for (const [k, v] of Object.entries(c.checks)) {
        checks[k] ??= [0, 0];
        checks[k][1] += 1;
        if (v) checks[k][0] += 1;
      }
    out.push(
      '',
      `### ${r.split}: conversation checks (${r.conversations.length} conversations)`,
      '',
      '| check | conversations | pass |',
      '|---|--:|--:|',
    );
    for (const [k, [hit, total]] of Object.entries(checks))
      out.push(`| ${k} | ${total} | ${pct(hit, total)} |`);
  }
  return out.join('\n');
}
