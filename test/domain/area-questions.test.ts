import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SoldComp } from '../../src/domain/cma/types.ts';
import { checkOutbound } from '../../src/domain/compliance/outbound.ts';
import type { TurnDecision } from '../../src/domain/turn.ts';
import { converse } from '../support/converse.ts';

// Area questions a buyer asks mid-conversation. Price levels come from the shipped comps; a
// question about schools, safety or which neighbourhood is "good" never gets prices or a verdict
// (fair housing steering): it gets public sources, and the agent gets a task.

const comps = JSON.parse(
  readFileSync(new URL('../../data-samples/comps.json', import.meta.url), 'utf8'),
) as SoldComp[];

const conversation = (texts: string[]) => converse(texts, ['Buyer-Lead'], { comps });

const last = (ds: TurnDecision[]) => ds[ds.length - 1] as TurnDecision;
const tasks = (d: TurnDecision) => d.actions.filter((a) => a.type === 'create_task');

describe('a buyer asks about schools or neighbourhoods', () => {
  for (const [lang, texts] of [
    ['en', ['buying in Upland, around 700', 'whats a good area for schools?']],
    ['en', ['buying in Upland, around 700', 'is Upland safe?']],
    ['en', ['buying in Upland, around 700', 'which part of town is best for families']],
    ['es', ['queremos comprar en Upland, como 700 mil', '¿qué tal las escuelas en Upland?']],
  ] as const) {
    it(`points to public sources, not prices or a verdict: "${texts[1]}"`, () => {
      const d = last(conversation([...texts]));
      const reply = d.reply ?? '';
      expect(reply).not.toMatch(/\$|median|mediano|\d/);
      expect(reply).toMatch(lang === 'en' ? /school district/ : /distrito escolar/);
      expect(reply).toMatch(lang === 'en' ? /can't rate/ : /No puedo calificar/);
      expect(checkOutbound(reply, { maxLength: 320, agentName: 'Jorge' }).violations).toEqual([]);
      expect(tasks(d).map((t) => t.type === 'create_task' && t.title)).toContain(
        'Lead asks about schools or neighborhoods',
      );
    });
  }

  it('still answers a price question about the area from the sold homes', () => {
    const d = last(conversation(['buying in Upland, around 700', 'what are homes going for in Upland?']));
    expect(d.reply).toMatch(/Upland.*median of \$[\d,]+/);
  });

  it('hands a commute question to the agent instead of quoting prices', () => {
    const d = last(conversation(['buying in Upland, around 700', 'how is the commute from Upland to LA?']));
    expect(d.reply).not.toMatch(/\$|median/);
    expect(tasks(d).length).toBeGreaterThan(0);
  });
});
