import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from '../../support/fakes/anthropic-server.ts';

// The fake must answer like Anthropic does, or the adapter tests prove nothing.
const apiKey = 'sk-ant-fake-key';
let fake: FakeAnthropic;
beforeEach(async () => {
  fake = await startFakeAnthropic({ apiKey });
});
afterEach(async () => {
  await fake.close();
});

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const valid = { model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] };
const auth = { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' };

describe('fake Anthropic server', () => {
  it('answers a wrong key with an authentication_error body', async () => {
    const res = await post('/v1/messages', valid, { ...auth, 'x-api-key': 'nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  });

  it('requires anthropic-version and the body fields', async () => {
    const noVersion = await post('/v1/messages', valid, { 'x-api-key': apiKey });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const { max_tokens: _, ...noMax } = valid;
    expect((await post('/v1/messages', noMax, auth)).status).toBe(400);
  });

  it('answers a full message body and a 429 with retry-after', async () => {
    fake.script({ text: 'Hello there' }, { status: 429, retryAfter: 3 });
    const ok = await post('/v1/messages', valid, auth);
    expect(await ok.json()).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [{ type: 'text', text: 'Hello there' }],
      stop_reason: 'end_turn',
      usage: { cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
    const limited = await post('/v1/messages', valid, auth);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
  });

  it('rejects sampling parameters on API version 2026-10-21 only', async () => {
    const body = { ...valid, temperature: 1 };
    expect((await post('/v1/messages', body, auth)).status).toBe(200);
    const rejected = await post('/v1/messages', body, { ...auth, 'anthropic-version': '2026-10-21' });
    expect(rejected.status).toBe(400);
    expect(await rejected.json()).toMatchObject({
      error: { message: 'temperature: Extra inputs are not permitted' },
    });
  });

  it('falls back to onRequest once the script is used up', async () => {
    fake.onRequest = () => ({ status: 529 });
    const res = await post('/v1/messages', valid, auth);
    expect(res.status).toBe(529);
    expect(await res.json()).toMatchObject({ error: { type: 'overloaded_error' } });
  });
});
