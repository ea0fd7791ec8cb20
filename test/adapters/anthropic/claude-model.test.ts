import { countTokens } from '@anthropic-ai/tokenizer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClaudeModel } from '../../../src/adapters/anthropic/claude-model.ts';
import type { ModelError, ModelRequest } from '../../../src/ports.ts';
import { createBreaker } from '../../../src/resilience/breaker.ts';
import { delayed, type FakeAnthropic, startFakeAnthropic } from '../../support/fakes/anthropic-server.ts';

const apiKey = 'sk-ant-test-0123456789';
const persona =
  'You are Jorge, a realtor in Rancho Cucamonga, CA. Answer in one or two short sentences, ' +
  'never promise prices, never mention being automated unless asked.';

const ask = (content: string, extra: Partial<ModelRequest> = {}): ModelRequest => ({
  model: 'claude-haiku-4-5',
  system: [{ text: persona, cache: true }, { text: 'Lead stage: new.' }],
  messages: [{ role: 'user', content }],
  maxTokens: 200,
  ...extra,
});

/** Runs `p`, expecting it to fail with a ModelError, and returns that error. */
async function failure(p: Promise<unknown>): Promise<ModelError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ name: 'ModelError' });
  return err as ModelError;
}

let fake: FakeAnthropic;
let waits: number[];
const instant = async (ms: number) => {
  waits.push(ms);
};

beforeEach(async () => {
  fake = await startFakeAnthropic({ apiKey });
  waits = [];
});
afterEach(async () => {
  await fake.close();
});

describe('Claude model over the Messages API', () => {
  it('authenticates with the key, names an API version and answers the text', async () => {
    fake.script({ text: 'Happy to help! Are you thinking of buying or selling?' });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const res = await model.complete(ask('Hi, I saw your sign on Haven Ave'));

    expect(res.text).toBe('Happy to help! Are you thinking of buying or selling?');
    expect(res.stopReason).toBe('end_turn');
    expect(res.model).toBe('claude-haiku-4-5');
    expect(res.usage.outputTokens).toBe(countTokens(res.text));
    const [req] = fake.requests;
    expect(req?.path).toBe('/v1/messages');
    const presented = req?.headers['x-api-key'] ?? req?.headers.authorization?.replace(/^Bearer /, '');
    expect(presented).toBe(apiKey);
    expect(req?.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(req?.body).toMatchObject({
      model: 'claude-haiku-4-5',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Hi, I saw your sign on Haven Ave' }],
    });
  });

  it('reports a wrong key as an auth error without retrying', async () => {
    const model = createClaudeModel({ apiKey: 'sk-ant-wrong', baseUrl: fake.url, sleep: instant });
    const err = await failure(model.complete(ask('hello')));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).not.toContain('sk-ant-wrong');
    expect(fake.requests).toHaveLength(1);
  });

  it('marks cached system blocks and reads the cache on the second call', async () => {
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const first = await model.complete(ask('Is the house on Banyan St still available?'));
    const second = await model.complete(ask('What about schools near Victoria Gardens?'));

    expect(fake.requests[0]?.body.system).toEqual([
      { type: 'text', text: persona, cache_control: { type: 'ephemeral' } },
      { type: 'text', text: 'Lead stage: new.' },
    ]);
    expect(first.usage.cacheWriteTokens).toBe(countTokens(persona));
    expect(first.usage.cacheReadTokens).toBe(0);
    expect(second.usage.cacheReadTokens).toBe(countTokens(persona));
    expect(second.usage.cacheWriteTokens).toBe(0);
    expect(second.usage.inputTokens).toBe(
      countTokens('Lead stage: new.') + countTokens('What about schools near Victoria Gardens?'),
    );
  });

  it('does not send a temperature, which the current API version rejects', async () => {
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const res = await model.complete(ask('hola', { temperature: 0.2 }));
    expect(res.text).toContain('hola');
    expect(fake.requests[0]?.body).not.toHaveProperty('temperature');
  });

  it('returns structured output from a forced tool call', async () => {
    const schema = {
      type: 'object',
      properties: { budget: { type: 'number' }, timeline: { type: 'string' } },
      required: ['budget'],
    };
    fake.script({ toolInput: { budget: 750_000, timeline: '3 months' } });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const res = await model.complete(
      ask('We can spend about 750k and want to move in 3 months', {
        output: { name: 'record_lead_fields', description: 'Fields stated by the lead', schema },
      }),
    );

    expect(res.json).toEqual({ budget: 750_000, timeline: '3 months' });
    expect(res.stopReason).toBe('tool_use');
    expect(fake.requests[0]?.body).toMatchObject({
      tools: [{ name: 'record_lead_fields', description: 'Fields stated by the lead', input_schema: schema }],
      tool_choice: { type: 'tool', name: 'record_lead_fields' },
    });
  });

  it('fails with invalid_output when the answer carries no tool input', async () => {
    fake.script({ text: 'I think their budget is 750k.' });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const err = await failure(
      model.complete(
        ask('750k', { output: { name: 'record_lead_fields', description: 'fields', schema: {} } }),
      ),
    );
    expect(err.kind).toBe('invalid_output');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('Claude model resilience', () => {
  it('retries a 500 and returns the answer that follows', async () => {
    fake.script({ status: 500 }, { text: 'Sure, Saturday at 10 works.' });
    const calls: (number | string)[] = [];
    const model = createClaudeModel({
      apiKey,
      baseUrl: fake.url,
      sleep: instant,
      onCall: (e) => calls.push(e.status),
    });
    const res = await model.complete(ask('Can I see it Saturday?'));
    expect(res.text).toBe('Sure, Saturday at 10 works.');
    expect(fake.requests).toHaveLength(2);
    expect(calls).toEqual([500, 200]);
    expect(waits).toHaveLength(1);
  });

  it('gives up on a model that stays overloaded (529) after four attempts', async () => {
    fake.script({ status: 529 }, { status: 529 }, { status: 529 }, { status: 529 }, { text: 'too late' });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const err = await failure(model.complete(ask('hello')));
    expect(err.kind).toBe('overloaded');
    expect(err.status).toBe(529);
    expect(fake.requests).toHaveLength(4);
  });

  it('waits as long as a 429 retry-after asks before trying again', async () => {
    fake.script({ status: 429, retryAfter: 7 }, { text: 'Thanks for waiting!' });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const res = await model.complete(ask('hello'));
    expect(res.text).toBe('Thanks for waiting!');
    expect(waits).toEqual([7000]);
  });

  it('does not retry a 400', async () => {
    fake.script({ status: 400, message: 'messages: roles must alternate' }, { text: 'never sent' });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const err = await failure(model.complete(ask('hello')));
    expect(err.kind).toBe('bad_request');
    expect(err.message).toContain('roles must alternate');
    expect(fake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries network errors, then reports them as network', async () => {
    const gone = await startFakeAnthropic({ apiKey });
    const url = gone.url;
    await gone.close();
    const retries: number[] = [];
    const model = createClaudeModel({
      apiKey,
      baseUrl: url,
      sleep: instant,
      onRetry: (info) => retries.push(info.attempt),
    });
    const err = await failure(model.complete(ask('hello')));
    expect(err.kind).toBe('network');
    expect(retries).toEqual([1, 2, 3]);
  });

  it('stops at the caller signal with a timeout, without retrying', { timeout: 5_000 }, async () => {
    fake.script(delayed(60_000, { text: 'far too late' }));
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const err = await failure(model.complete(ask('hello', { signal: AbortSignal.timeout(100) })));
    expect(err.kind).toBe('timeout');
    expect(fake.requests).toHaveLength(1);
  });

  it('ends the backoff wait when the signal fires and makes no further attempt', {
    timeout: 5_000,
  }, async () => {
    fake.script({ status: 503 }, { text: 'never sent' });
    const controller = new AbortController();
    const model = createClaudeModel({
      apiKey,
      baseUrl: fake.url,
      // A wait that never ends on its own: only the signal can cut it short.
      sleep: () => new Promise<void>(() => {}),
      onRetry: () => setTimeout(() => controller.abort(), 10),
    });
    const err = await failure(model.complete(ask('hello', { signal: controller.signal })));
    expect(err.kind).toBe('timeout');
    expect(fake.requests).toHaveLength(1);
  });

  it('opens the breaker after repeated server failures and then fails fast', async () => {
    fake.script({ status: 500 }, { status: 529 });
    const breaker = createBreaker('anthropic', { failureThreshold: 2, halfOpenAfterMs: 60_000 });
    const model = createClaudeModel({
      apiKey,
      baseUrl: fake.url,
      sleep: instant,
      breaker,
      retry: { maxRetries: 0, initialBackoffMs: 1, maxBackoffMs: 1, base: 2, jitter: 0 },
    });
    expect((await failure(model.complete(ask('one')))).kind).toBe('server');
    expect((await failure(model.complete(ask('two')))).kind).toBe('overloaded');
    expect(model.breakerState?.()).toBe('open');

    const err = await failure(model.complete(ask('three')));
    expect(err.kind).toBe('breaker_open');
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps the breaker closed on client errors', async () => {
    fake.script({ status: 400 }, { status: 400 }, { status: 400 });
    const breaker = createBreaker('anthropic', { failureThreshold: 2, halfOpenAfterMs: 60_000 });
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant, breaker });
    for (const text of ['a', 'b', 'c'])
      expect((await failure(model.complete(ask(text)))).kind).toBe('bad_request');
    expect(model.breakerState?.()).toBe('closed');
    expect((await model.complete(ask('d'))).text).toContain('d');
  });
});

describe('Claude token counting', () => {
  it('counts input tokens through the count_tokens endpoint', async () => {
    const model = createClaudeModel({ apiKey, baseUrl: fake.url, sleep: instant });
    const req = ask('We have a 4 bedroom in Etiwanda, what could it sell for?');
    const n = await model.countTokens?.({ model: req.model, system: req.system, messages: req.messages });

    expect(fake.requests[0]?.path).toBe('/v1/messages/count_tokens');
    expect(fake.requests[0]?.body).not.toHaveProperty('max_tokens');
    expect(n).toBe(
      countTokens(persona) +
        countTokens('Lead stage: new.') +
        countTokens('We have a 4 bedroom in Etiwanda, what could it sell for?'),
    );
  });
});
