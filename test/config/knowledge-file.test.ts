import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBotSettings } from '../../src/adapters/bots-config/load-bot-settings.ts';
import { buildService } from '../../src/wiring/service.ts';
import { loadConfig } from '../../src/config.ts';
import { answerQuestion } from '../../src/domain/knowledge/index.ts';
import { decideTurn } from '../../src/domain/turn.ts';

const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const EXAMPLE = new URL('../../config/knowledge.example.yaml', import.meta.url).pathname;

async function startupError(env: Record<string, string>): Promise<string> {
  try {
    // Loading the answers comes before the database opens, so nothing else starts.
    const service = await buildService(loadConfig({ DATA_DIR: join(dir, 'data'), ...env }));
    await service.stop();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

const greet = (env: Record<string, string>, lang: 'en' | 'es' = 'en') =>
  decideTurn({
    cfg: loadBotSettings(loadConfig(env)),
    stored: null,
    contact: { tags: [], fields: {}, optedOut: false, paused: false, firstName: 'Dana' },
    text: lang === 'es' ? 'hola buenas tardes' : 'hi there',
    channel: 'SMS',
    now: new Date('2026-11-24T18:00:00Z'),
    calendar: false,
    listings: [],
  }).reply;

describe('KNOWLEDGE_FILE', () => {
  it('stops start-up naming the key and line of every problem', async () => {
    const wordings = [
      'topics:',
      '  fees_commission:',
      '    en: "My fee is {fee}, ask {agent}."',
      '  licensed:',
      '    en:',
      '      - "Yes, {agent} is licensed. Want the number?"',
      '  home_value:',
      '    en: "Your home is worth a lot, ask {agent}."',
    ];
    const unknownTopic = file('topic.yaml', [...wordings, '  warranty: "We include one."'].join('\n'));
    const message = await startupError({ KNOWLEDGE_FILE: unknownTopic });
    expect(message).toContain(`Invalid knowledge file ${unknownTopic}`);
    expect(message).toMatch(
      /topics\.warranty \(line 9\): is not a topic \(topics: identity, .*fees_commission/,
    );

    const badWording = await startupError({ KNOWLEDGE_FILE: file('wording.yaml', wordings.join('\n')) });
    expect(badWording).toMatch(/topics\.fees_commission\.en\[0\] \(line 3\): \{fee\} is not a placeholder/);
    expect(badWording).toMatch(/topics\.licensed\.en\[0\] \(line 6\): must be a statement/);
    expect(badWording).toMatch(/topics\.home_value\.en\[0\] \(line 8\): must use the looked-up data/);
  });

  it('names a bad value and a file that cannot be read', async () => {
    expect(await startupError({ KNOWLEDGE_FILE: file('types.json', '{"topics":{"cancel":true}}') })).toMatch(
      /topics\.cancel: must be false \(the agent answers it\) or an entry with en and\/or es texts/,
    );
    expect(
      await startupError({ KNOWLEDGE_FILE: file('broken.yaml', 'topics:\n  cancel: [unclosed') }),
    ).toMatch(/Invalid knowledge file .*broken\.yaml/);
    expect(await startupError({ KNOWLEDGE_FILE: join(dir, 'missing.yaml') })).toMatch(/missing\.yaml/);
    expect(
      await startupError({
        KNOWLEDGE_FILE: file('link.yaml', 'topics:\n  process:\n    es: "Vea www.ejemplo.com"'),
      }),
    ).toMatch(/topics\.process\.es\[0\] \(line 3\): contains a link/);
  });

  it('uses a good file: its answers, its switched-off topics, the shipped rest', () => {
    const good = file(
      'good.yaml',
      [
        'topics:',
        '  fees_commission:',
        '    en: "{agent} charges 2.5% to list, and it is negotiable."',
        '  closing_costs: false',
      ].join('\n'),
    );
    const cfg = loadBotSettings(
      loadConfig({ KNOWLEDGE_FILE: good, AGENT_NAME: 'Maria', BROKERAGE: 'Foothill Realty' }),
    );
    expect(answerQuestion('fees_commission', cfg.knowledge, 'en', cfg.persona)).toEqual({
      text: 'Maria charges 2.5% to list, and it is negotiable.',
      source: 'kb:fees_commission',
    });
    // Spanish was not given, so the shipped wording (no figures) stays.
    const es = answerQuestion('fees_commission', cfg.knowledge, 'es', cfg.persona);
    expect('text' in es && es.text).toMatch(/^Maria revisa las comisiones/);
    expect(answerQuestion('closing_costs', cfg.knowledge, 'en', cfg.persona)).toEqual({ unknown: true });
    expect(answerQuestion('licensed', cfg.knowledge, 'en', cfg.persona)).toMatchObject({
      text: expect.stringContaining('with Foothill Realty'),
    });
  });

  it('accepts the shipped example as it is', () => {
    const cfg = loadBotSettings(loadConfig({ KNOWLEDGE_FILE: EXAMPLE }));
    expect(answerQuestion('identity', cfg.knowledge, 'en', cfg.persona)).toMatchObject({
      text: "I'm Jorge's assistant. I help Jorge with people buying and selling homes in Rancho Cucamonga, CA.",
    });
  });
});

describe('the assistant persona', () => {
  it('opens as the agent’s assistant, named and with the brokerage when configured', () => {
    expect(greet({ ASSISTANT_NAME: 'Sam', BROKERAGE: 'Foothill Realty' })).toMatch(
      /^Hi Dana, this is Sam, Jorge's assistant at Foothill Realty\. .*buy/,
    );
    expect(greet({})).toMatch(/^Hi Dana, this is Jorge's assistant\. /);
    expect(greet({ ASSISTANT_NAME: 'Sam' }, 'es')).toMatch(/^Hola Dana, soy Sam, asistente de Jorge\. /);
  });

  it('refuses a name or brokerage too long for a text, naming the variable', () => {
    expect(() => loadConfig({ BROKERAGE: 'x'.repeat(61) })).toThrow(
      /BROKERAGE: must be at most 60 characters/,
    );
  });
});
