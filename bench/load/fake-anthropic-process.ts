import {
  type FakeAnthropicRequest,
  type FakeAnthropicStep,
  decidedReplyIn,
  delayed,
  startFakeAnthropic,
} from '../../test/support/fakes/anthropic-server.ts';

/**
 * The fake Anthropic API in its own process for the load bench, so counting each request's tokens
 * (Claude's tokenizer, in the fake) does not take CPU from the load generator's event loop and
 * shows up as its own line in the CPU table. Prints `{"url": …}` once listening.
 * Usage: node --import tsx bench/load/fake-anthropic-process.ts <api key> <delay ms>
 */
const [apiKey = 'sk-ant-bench-load-0001', delayArg = '300'] = process.argv.slice(2);
const delayMs = Number(delayArg);

// A model that agrees with the bot after `delayMs`: the wording is the decided reply itself, the
// extraction reads nothing beyond what the rules found.
const answer = (req: FakeAnthropicRequest): FakeAnthropicStep =>
  delayed(
    delayMs,
    req.body.tool_choice !== undefined ? { toolInput: {} } : { text: decidedReplyIn(req) ?? '' },
  );

const fake = await startFakeAnthropic({ apiKey });
fake.onRequest = answer;
// Keeps memory flat over a long run: the requests are not looked at afterwards.
setInterval(() => {
  fake.requests.length = 0;
}, 5_000).unref();
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
const stop = () => {
  void fake.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
