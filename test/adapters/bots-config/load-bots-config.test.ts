import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBotsConfig } from '../../../src/adapters/bots-config/load-bots-config.ts';
import { defaultBotsConfig } from '../../../src/domain/bots-config.ts';
import { decideTurn } from '../../../src/domain/turn.ts';

const persona = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA', timezone: 'America/Los_Angeles' };
const dir = mkdtempSync(join(tmpdir(), 'bots-config-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('bots config file', () => {
  it('uses the code defaults without a file', () => {
    expect(loadBotsConfig(persona, undefined)).toEqual(defaultBotsConfig(persona));
  });

  it('overrides persona, neighborhoods, tag names, thresholds and wording from YAML', () => {
    const cfg = loadBotsConfig(
      persona,
      file(
        'bots.yaml',
        [
          'persona:',
          '  agentName: Maria',
          'neighborhoods: [Old Town, Riverside Heights]',
          'tags:',
          '  buyerActivation: [buyer-bot]',
          'thresholds:',
          '  smsMaxLength: 300',
          'questions:',
          '  en:',
          '    buyer.budget: ["What is the most you would like to spend?"]',
        ].join('\n'),
      ),
    );
    expect(cfg.persona).toEqual({ ...persona, agentName: 'Maria' });
    expect(cfg.neighborhoods).toEqual(['Old Town', 'Riverside Heights']);
    expect(cfg.tags.buyerActivation).toEqual(['buyer-bot']);
    expect(cfg.tags.sellerActivation).toEqual(['Needs Qualifying', 'Seller-Lead']);
    expect(cfg.thresholds.smsMaxLength).toBe(300);
    // The configured names reach the bots: the new tag routes to the Buyer bot, which asks the new wording.
    const d = decideTurn({
      cfg,
      stored: null,
      contact: { tags: ['buyer-bot'], fields: {}, optedOut: false, paused: false },
      text: 'hi there',
      channel: 'SMS',
      now: new Date('2026-11-24T18:00:00Z'),
      calendar: false,
      listings: [],
    });
    expect(d.bot).toBe('buyer');
    expect(d.reply).toContain('What is the most you would like to spend?');
  });

  it('stops start-up naming every problem in a bad file', () => {
    const bad = file(
      'bad.json',
      JSON.stringify({
        thresholds: { smsMaxLength: 500, leadHot: 'high' },
        tags: { handoff: 'Moved' },
        colour: 'blue',
      }),
    );
    let message = '';
    try {
      loadBotsConfig(persona, bad);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(bad);
    for (const field of ['thresholds.smsMaxLength', 'thresholds.leadHot', 'tags.handoff', 'colour'])
      expect(message).toContain(field);
    expect(() => loadBotsConfig(persona, file('broken.json', '{"neighborhoods": ['))).toThrow(
      /Invalid bots config/,
    );
    expect(() => loadBotsConfig(persona, join(dir, 'missing.yaml'))).toThrow(/missing\.yaml/);
  });
});
