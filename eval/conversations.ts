// Runs the lead-side conversation suite through the sandbox API and prints what failed.
// Run: npx tsx eval/conversations.ts [--split train|test] [--only c012] [--show]
import { loadConversations, type Split } from './lib/corpus.ts';
import { startConversationRunner } from './lib/conversation-eval.ts';

const args = process.argv.slice(2);
const split = (args[args.indexOf('--split') + 1] ?? 'train') as Split;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const show = args.includes('--show');
const runner = await startConversationRunner();
let pass = 0;
const convs = loadConversations(split).filter((c) => !only || c.id === only);
const perCheck: Record<string, [number, number]> = {};
for (const c of convs) {
  const r = await runner.run(c);
  const ok = Object.values(r.checks).every(Boolean);
  for (const [k, v] of Object.entries(r.checks)) {
    perCheck[k] ??= [0, 0];
    perCheck[k][1] += 1;
    if (v) perCheck[k][0] += 1;
  }
  if (ok) pass += 1;
  if (!ok || show) {
    console.log(`\n${c.id} (${c.bot}, ${c.lang}) ${ok ? 'PASS' : 'FAIL'}: ${r.problems.join(' | ')}`);
    for (const t of r.transcript)
      console.log(`   lead: ${t.lead}\n   bot:  ${t.reply ?? '(none)'} [${t.asked ?? ''}]`);
  }
}
console.log(`\n${split}: ${pass}/${convs.length} conversations pass`);
for (const [k, [h, t]] of Object.entries(perCheck)) console.log(`  ${k}: ${h}/${t}`);
await runner.close();
