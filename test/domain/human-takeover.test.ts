import { describe, expect, it } from 'vitest';
import { defaultBotsConfig, defaultTagNames } from '../../src/domain/bots-config.ts';
import { silencingTags, takeoverTag, writtenByPerson } from '../../src/domain/human-takeover.ts';
import { decideTurn } from '../../src/domain/turn.ts';

const persona = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA', timezone: 'America/Los_Angeles' };
const renamed = { ...defaultTagNames, humanTakeover: 'Agent-Has-It' };

describe('human takeover', () => {
  it('counts a message typed in GHL by a person, not our own sends or automation', () => {
    expect(writtenByPerson({ ours: false, source: 'app', userId: 'u1' })).toBe(true);
    expect(writtenByPerson({ ours: false, userId: 'u1' })).toBe(true);
    expect(writtenByPerson({ ours: true, source: 'app', userId: 'u1' })).toBe(false);
    for (const source of ['api', 'workflow', 'campaign', 'bulk_actions']) {
      expect(writtenByPerson({ ours: false, source, userId: 'u1' })).toBe(false);
    }
    expect(writtenByPerson({ ours: false })).toBe(false);
  });

  it('tags the contact with the configured name once (GHL lower-cases tags)', () => {
    const person = { ours: false, source: 'app', userId: 'u1' };
    expect(takeoverTag(person, ['buyer-lead'], renamed)).toBe('Agent-Has-It');
    expect(takeoverTag(person, ['agent-has-it'], renamed)).toBeNull();
    expect(takeoverTag(person, ['human-takeover'], renamed)).toBe('Agent-Has-It');
    expect(takeoverTag({ ours: false, source: 'workflow' }, [], renamed)).toBeNull();
  });

  it('keeps the bots silent under the renamed takeover, AI-off and do-not-solicit tags whatever the off switches list', () => {
    const tags = { ...renamed, aiOff: 'Bot-Paused', doNotSolicit: 'Never-Call', offSwitches: ['Stop-Bot'] };
    expect(silencingTags(tags)).toEqual(['Stop-Bot', 'Agent-Has-It', 'Bot-Paused', 'Never-Call']);
    // The defaults already list them: nothing is added twice.
    expect(silencingTags(defaultTagNames)).toEqual(defaultTagNames.offSwitches);
  });

  it('a lead tagged with the renamed takeover tag gets no reply', () => {
    const cfg = { ...defaultBotsConfig(persona), tags: renamed };
    const decide = (tags: string[]) =>
      decideTurn({
        cfg,
        stored: null,
        contact: { tags, fields: {}, optedOut: false, paused: false },
        text: 'I want to buy a 3 bedroom',
        channel: 'SMS',
        now: new Date('2026-03-02T18:00:00Z'),
        calendar: false,
        listings: [],
      });
    expect(decide(['agent-has-it']).reply).toBeFalsy();
    expect(decide([]).reply).toBeTruthy();
  });
});
