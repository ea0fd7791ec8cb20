// Holds one conversation through the sandbox API of an in-process service and prints it.
// Run: npx tsx eval/chat.ts [--tags Seller-Lead] "first message" "second message" …
import { startConversationRunner } from './lib/conversation-eval.ts';

const args = process.argv.slice(2);
const tagAt = args.indexOf('--tags');
const tags = tagAt >= 0 ? (args[tagAt + 1] ?? '').split(',').filter(Boolean) : [];
const turns = args.filter((_, i) => tagAt < 0 || (i !== tagAt && i !== tagAt + 1));
const runner = await startConversationRunner();
const r = await runner.run({
  id: 'chat',
  lang: 'en',
  bot: 'lead',
  tags,
  now: new Date().toISOString(),
  turns,
  expect: { opted_out: false },
});
for (const t of r.transcript)
  console.log(`lead: ${t.lead}\n bot (${t.bot}, ${t.temperature}): ${t.reply ?? '(no reply)'}`);
await runner.close();
