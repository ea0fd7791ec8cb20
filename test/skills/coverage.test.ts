import { describe, expect, it } from 'vitest';
import { loadSkills } from '../../src/adapters/skills/load-skills.ts';
import { createPromptBuilder } from '../../src/app/language-model/build-prompt.ts';
import { cfg, corpusCalls } from './support/corpus.ts';
import { missedSkills, neededSkills } from './support/oracle.ts';

// Progressive Skills must not lose knowledge: over every model call the scenario corpus makes, the
// progressive prompt carries each skill the oracle (reading only the bot's decision) says it needs.

const skills = loadSkills();
const calls = corpusCalls();
const progressive = () =>
  createPromptBuilder({
    skills,
    progressive: true,
    cacheTtlMs: 300_000,
    now: () => 0,
    persona: { agentName: cfg.persona.agentName, market: cfg.persona.market },
  });

describe('Progressive Skills over the scenario corpus', () => {
  it('covers all three bots, both languages, both tasks and the edge cases', () => {
    expect(calls.length).toBeGreaterThanOrEqual(150);
    const seen = (f: (c: (typeof calls)[number]) => string) => new Set(calls.map(f));
    expect(seen((c) => c.turn.bot)).toEqual(new Set(['lead', 'seller', 'buyer']));
    expect(seen((c) => c.turn.lang)).toEqual(new Set(['en', 'es']));
    expect(seen((c) => c.turn.task)).toEqual(new Set(['reply', 'extraction']));
    const needing = (skill: string) => calls.filter((c) => neededSkills(c).includes(skill)).length;
    for (const skill of skills.map((s) => s.name)) expect(needing(skill), skill).toBeGreaterThan(0);
  });

  it('leaves out no skill any call needs', () => {
    const b = progressive();
    const missed = calls
      .map((c) => ({ id: c.id, reply: c.decision.reply, missed: missedSkills(c, b.build(c.turn).loaded) }))
      .filter((m) => m.missed.length > 0);
    expect(missed).toEqual([]);
    // Most calls do get a smaller prompt: the check above is not passed by falling back.
    expect(b.stats().byMode.progressive).toBeGreaterThan(calls.length * 0.9);
  });

  it('would notice a loss: without the turn cues, calls miss skills', () => {
    const b = progressive();
    const missed = calls.filter((c) => missedSkills(c, b.build({ ...c.turn, cues: [] }).loaded).length > 0);
    expect(missed.length).toBeGreaterThan(10);
  });
});
