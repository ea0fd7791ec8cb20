// The conversation-quality evaluation: the labelled utterance corpus through the message reader and
// the lead-side conversation suite through the sandbox API, per class.
// Run: npm run eval [-- --split train|dev|dev2|dev3|dev4|dev5|dev6|dev7|dev8|dev9|dev10|dev11|test|all] [--misses] [--write]
//   all (the default; `both` is the same) runs train, dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9, dev10, dev11 and test in that order
//   --write   replaces the results section of docs/CONVERSATION_QUALITY.md (date and machine)
// The test split is held out: measure on it, never tune on it.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { readUtterance } from '../src/domain/understand/read-utterance.ts';
import { loadConversations, loadUtterances, SPLITS, type Split } from './lib/corpus.ts';
import { startConversationRunner } from './lib/conversation-eval.ts';
import { renderReport, type SplitResult } from './lib/report.ts';
import { evaluateUtterances } from './lib/utterance-eval.ts';

const args = process.argv.slice(2);
const which = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'all';
const ALL: readonly Split[] = SPLITS;
if (which === undefined || !(which === 'all' || which === 'both' || ALL.includes(which as Split))) {
  console.error(`--split must be one of ${ALL.join(', ')}, all; got ${which ?? 'nothing'}`);
  process.exit(2);
}
const splits: readonly Split[] = which === 'all' || which === 'both' ? ALL : [which as Split];
const misses = args.includes('--misses');

const results: SplitResult[] = [];
const runner = await startConversationRunner();
for (const split of splits) {
  const utterances = evaluateUtterances(loadUtterances(split), readUtterance);
  const conversations = [];
  for (const c of loadConversations(split)) conversations.push(await runner.run(c));
  results.push({ split, utterances, conversations });
  if (misses) {
    for (const m of utterances.misses)
      console.log(`${m.id} ${JSON.stringify(m.text)}\n   ${m.problems.join('\n   ')}`);
    for (const c of conversations.filter((r) => Object.values(r.checks).some((v) => !v))) {
      console.log(`\n${c.id}: ${c.problems.join(' | ')}`);
      for (const t of c.transcript) console.log(`   lead: ${t.lead}\n   bot:  ${t.reply ?? '(none)'}`);
    }
  }
}
await runner.close();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
const report = renderReport(results, { date: new Date().toISOString().slice(0, 10), machine });
console.log(report);
if (args.includes('--write')) {
  const file = new URL('../docs/CONVERSATION_QUALITY.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('<!-- results -->');
  const end = doc.indexOf('<!-- /results -->');
  if (start < 0 || end < start) throw new Error('docs/CONVERSATION_QUALITY.md has no results markers');
  writeFileSync(file, `${doc.slice(0, start)}<!-- results -->\n${report}\n${doc.slice(end)}`);
  console.log('docs/CONVERSATION_QUALITY.md updated');
}
