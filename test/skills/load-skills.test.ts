import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSkills, parseSkillFile, SkillFileError } from '../../src/adapters/skills/load-skills.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function skillDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'skills-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const persona = `---
name: persona
description: Who is writing and how.
load_when:
  always: true
---
You write for {{agent}} in {{market}}.
`;

/** The error a load throws, for its message. */
function loadError(files: Record<string, string>): string {
  try {
    loadSkills(skillDir(files));
  } catch (err) {
    expect(err).toBeInstanceOf(SkillFileError);
    return (err as Error).message;
  }
  throw new Error('expected loadSkills to throw');
}

describe('loadSkills', () => {
  it('loads the shipped skills from the repository root whatever the working directory', () => {
    const skills = loadSkills();
    expect(skills.map((s) => s.name).sort()).toEqual([
      'buyer-playbook',
      'compliance-rules',
      'escalations',
      'extraction-guide',
      'lead-playbook',
      'market-facts',
      'objection-handling',
      'persona-and-tone',
      'scheduling',
      'seller-playbook',
      'spanish-style',
    ]);
    const seller = skills.find((s) => s.name === 'seller-playbook')!;
    expect(seller.loadWhen.bots).toEqual(['seller']);
    expect(seller.body).toMatch(/30 to 45 days/);
    expect(skills.find((s) => s.name === 'persona-and-tone')!.loadWhen.always).toBe(true);
  });

  it('reads front-matter and body of a valid file', () => {
    const skill = parseSkillFile(
      `---
name: seller-notes
description: Notes for sellers only.
load_when:
  bots: [seller]
  languages: [es]
  tasks: [reply]
priority: 12
---

# Notes
Body text.
`,
      '/x/seller-notes.md',
    );
    expect(skill).toEqual({
      name: 'seller-notes',
      description: 'Notes for sellers only.',
      loadWhen: { bots: ['seller'], languages: ['es'], tasks: ['reply'] },
      priority: 12,
      body: '# Notes\nBody text.',
    });
  });

  it('names the file and the field of an unknown bot', () => {
    const message = loadError({
      'persona.md': persona,
      'landlord.md':
        '---\nname: landlord\ndescription: For landlords only.\nload_when:\n  bots: [landlord]\n---\nBody\n',
    });
    expect(message).toContain('landlord.md');
    expect(message).toMatch(/load_when\.bots\.0/);
  });

  it('rejects a file without front-matter, naming it', () => {
    const message = loadError({ 'persona.md': persona, 'notes.md': '# Just markdown\n' });
    expect(message).toContain('notes.md');
    expect(message).toMatch(/front-matter/);
  });

  it('rejects front-matter that is not YAML', () => {
    const message = loadError({ 'persona.md': persona, 'bad.md': '---\nname: [bad\n---\nBody\n' });
    expect(message).toContain('bad.md');
    expect(message).toMatch(/not valid YAML/);
  });

  it('rejects a name that differs from the file name, a misspelt key and an empty body', () => {
    const message = loadError({
      'persona.md': persona,
      'seller.md':
        '---\nname: seller-playbook\ndescription: The seller questions.\nload_when:\n  bots: [seller]\n  bot: [seller]\n---\n',
    });
    expect(message).toContain('seller.md');
    expect(message).toMatch(/load_when: Unrecognized key: "bot"/);
    const named = loadError({
      'persona.md': persona,
      'seller.md':
        '---\nname: seller-playbook\ndescription: The seller questions.\nload_when:\n  bots: [seller]\n---\n',
    });
    expect(named).toMatch(/must match the file name "seller"/);
    expect(named).toMatch(/body after the front-matter is empty/);
  });

  it('rejects a skill that never loads and an unknown placeholder', () => {
    expect(
      loadError({
        'persona.md': persona,
        'never.md':
          '---\nname: never\ndescription: Loads for nothing.\nload_when:\n  tasks: [reply]\n---\nBody\n',
      }),
    ).toMatch(/names no condition/);
    expect(
      loadError({
        'persona.md': persona,
        'phone.md':
          '---\nname: phone\ndescription: The phone number.\nload_when:\n  cues: [market]\n---\nCall {{phone}}\n',
      }),
    ).toMatch(/unknown placeholder \{\{phone\}\}/);
  });

  it('rejects an empty directory and one without an always-loaded skill', () => {
    expect(loadError({})).toMatch(/no \*\.md skill files/);
    expect(
      loadError({
        'seller.md':
          '---\nname: seller\ndescription: The seller questions.\nload_when:\n  bots: [seller]\n---\nBody\n',
      }),
    ).toMatch(/always: true/);
  });
});
