import { describe, expect, it } from 'vitest';
import { loadSkills } from '../../src/adapters/skills/load-skills.ts';
import { type SkillQuery, selectSkills } from '../../src/domain/skills/select-skills.ts';
import { replyCues } from '../../src/domain/skills/turn-cues.ts';
import { initialState } from '../../src/domain/state.ts';
import type { CueDecision } from '../../src/domain/skills/turn-cues.ts';

const skills = loadSkills();

const query = (over: Partial<SkillQuery> = {}): SkillQuery => ({
  task: 'reply',
  bot: 'seller',
  stage: 'qualifying',
  intent: 'other',
  intentConfidence: 0.3,
  lang: 'en',
  cues: [],
  ...over,
});
const names = (q: Partial<SkillQuery>, from = skills) => {
  const s = selectSkills(from, query(q));
  expect(s.fallbackToFull, s.reason).toBe(false);
  return s.skills.map((x) => x.name);
};

describe('selectSkills', () => {
  it('gives a seller reply the persona and the seller playbook only', () => {
    expect(names({})).toEqual(['persona-and-tone', 'seller-playbook']);
  });

  it('gives buyer and lead replies their own playbook', () => {
    expect(names({ bot: 'buyer' })).toEqual(['persona-and-tone', 'buyer-playbook']);
    expect(names({ bot: 'lead', intent: 'other', intentConfidence: 0.3 })).toEqual([
      'persona-and-tone',
      'lead-playbook',
    ]);
  });

  it('adds the Spanish style for a Spanish reply', () => {
    expect(names({ lang: 'es' })).toEqual(['persona-and-tone', 'seller-playbook', 'spanish-style']);
  });

  it('adds compliance rules, scheduling, objections, escalations and market facts by cue and stage', () => {
    expect(names({ bot: 'lead', cues: ['compliance'] })).toEqual([
      'persona-and-tone',
      'lead-playbook',
      'compliance-rules',
    ]);
    expect(names({ stage: 'scheduling' })).toContain('scheduling');
    expect(names({ stage: 'booked' })).toContain('scheduling');
    expect(names({ cues: ['objection', 'escalation'] })).toEqual([
      'persona-and-tone',
      'seller-playbook',
      'objection-handling',
      'escalations',
    ]);
    expect(names({ bot: 'buyer', cues: ['market'] })).toContain('market-facts');
  });

  it('gives an extraction the extraction guide instead of the reply persona, and no reply-only skills', () => {
    expect(
      names({ task: 'extraction', bot: 'buyer', lang: 'es', stage: 'scheduling', cues: ['compliance'] }),
    ).toEqual(['extraction-guide', 'buyer-playbook']);
  });

  it('loads a side by a clear intent as well as by the bot', () => {
    expect(names({ task: 'extraction', bot: 'lead', intent: 'sell', intentConfidence: 0.9 })).toEqual([
      'extraction-guide',
      'lead-playbook',
      'seller-playbook',
    ]);
  });

  it('falls back to the full prompt when a Lead extraction has no clear intent', () => {
    const s = selectSkills(
      skills,
      query({ task: 'extraction', bot: 'lead', intent: 'other', intentConfidence: 0.3 }),
    );
    expect(s).toMatchObject({ fallbackToFull: true, reason: 'low_intent_confidence' });
    expect(s.skills).toHaveLength(skills.length);
    expect(s.skills[0]?.loadWhen.always).toBe(true);
  });

  it('falls back on an unknown bot, stage, language or cue', () => {
    expect(selectSkills(skills, query({ bot: 'landlord' })).reason).toBe('unknown_bot:landlord');
    expect(selectSkills(skills, query({ stage: 'negotiating' })).reason).toBe('unknown_stage:negotiating');
    expect(selectSkills(skills, query({ lang: 'fr' })).reason).toBe('unknown_language:fr');
    const s = selectSkills(skills, query({ cues: ['weather'] }));
    expect(s).toMatchObject({ fallbackToFull: true, reason: 'unknown_cue:weather' });
  });

  it('falls back when the skill a turn needs is missing from the set', () => {
    const without = (name: string) => skills.filter((s) => s.name !== name);
    expect(selectSkills(without('spanish-style'), query({ lang: 'es' })).reason).toBe(
      'no_skill_for_language:es',
    );
    expect(selectSkills(without('seller-playbook'), query({})).reason).toBe('no_skill_for_bot:seller');
    const s = selectSkills(without('compliance-rules'), query({ cues: ['compliance'] }));
    expect(s).toMatchObject({ fallbackToFull: true, reason: 'no_skill_for_cue:compliance' });
    expect(s.skills).toHaveLength(skills.length - 1);
  });
});

describe('replyCues', () => {
  const decision = (over: Partial<CueDecision> = {}): CueDecision => ({
    events: [],
    escalation: null,
    compliance: null,
    state: initialState('seller'),
    needsSlots: false,
    actions: [],
    ...over,
  });

  it('finds nothing special in a plain answer', () => {
    expect(replyCues('We are relocating to Austin', decision(), 'seller.motivation')).toEqual([]);
  });

  it('reads compliance from the audit events and from a lender-steering request', () => {
    expect(replyCues('STOP', decision({ events: [{ action: 'tcpa_opt_out', detail: {} }] }), null)).toEqual([
      'compliance',
    ]);
    expect(replyCues('Which lender should I use?', decision(), null)).toContain('compliance');
  });

  it('reads objections from the message and market from matched homes', () => {
    expect(replyCues('my neighbor sold for 900k so I want that', decision(), 'seller.price')).toContain(
      'objection',
    );
    expect(replyCues('should we wait for prices to drop?', decision(), null)).toEqual([
      'market',
      'objection',
    ]);
    expect(
      replyCues(
        '3 beds',
        decision({ actions: [{ type: 'set_fields', fields: { matching_homes: 4 } }] }),
        null,
      ),
    ).toEqual(['market']);
  });

  it('reads scheduling from the stage and the question asked, and escalation from the decision', () => {
    const state = { ...initialState('buyer'), pending: 'schedule.want_visit' };
    expect(replyCues('sure', decision({ state }), null)).toEqual(['scheduling']);
    expect(
      replyCues('call me', decision({ escalation: { reason: 'human_request', detail: {} } }), null),
    ).toEqual(['escalation']);
  });
});
