import { describe, expect, it } from 'vitest';
import { defaultBotsConfig } from '../../src/domain/bots-config.ts';
import { type TurnDecision, decideTurn } from '../../src/domain/turn.ts';

// Whole conversations through the pure turn, carrying state, tags and the pause an escalation
// brings (as the app does: an open escalation holds the bot back until a person resolves it).

const cfg = defaultBotsConfig({
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  timezone: 'America/Los_Angeles',
});

interface Step {
  decision: TurnDecision;
  reply: string | null;
}

function converse(texts: string[], opts: { tags?: string[]; hoursApart?: number[] } = {}): Step[] {
  let stored: Record<string, unknown> | null = null;
  let tags = [...(opts.tags ?? [])];
  let paused = false;
  let optedOut = false;
  const steps: Step[] = [];
  let at = Date.parse('2026-12-04T18:00:00Z');
  for (const [i, text] of texts.entries()) {
    at += (opts.hoursApart?.[i] ?? 0) * 3_600_000;
    const decision = decideTurn({
      cfg,
      stored,
      contact: { tags, fields: {}, optedOut, paused },
      text,
      channel: 'SMS',
      now: new Date(at),
      calendar: false,
      listings: [],
    });
    for (const a of decision.actions) {
      if (a.type === 'add_tags') tags = [...tags, ...a.tags];
      if (a.type === 'remove_tags') tags = tags.filter((t) => !a.tags.includes(t));
      if (a.type === 'set_contact' && a.optedOut !== undefined) optedOut = a.optedOut;
    }
    if (decision.escalation || decision.compliance) paused = true;
    stored = decision.state as unknown as Record<string, unknown>;
    steps.push({ decision, reply: decision.reply });
  }
  return steps;
}

const tasks = (s: Step) => s.decision.actions.filter((a) => a.type === 'create_task');
const answered = (s: Step) =>
  s.decision.events.filter((e) => e.action === 'question_answered').map((e) => e.detail.topic);

describe('what the lead says is kept on every path', () => {
  it('keeps the email given with a STOP and says email is how we will write', () => {
    const [s] = converse(['no more texts please. email me: ray.k@outlook.com']);
    expect(s?.reply).toMatch(/unsubscribed/i);
    expect(s?.reply).toMatch(/email/i);
    expect(s?.decision.state.facts.email).toBe('ray.k@outlook.com');
    expect(answered(s as Step)).toContain('switch_to_email');
  });

  it('keeps what comes with a START: texts allowed again and the wish to sell', () => {
    const steps = converse([
      '¿quién habla?',
      'no me interesa, dame de baja',
      'perdón, me equivoqué, sí quiero vender, pueden escribirme',
    ]);
    expect(steps[2]?.reply).toMatch(/suscrito de nuevo/i);
    expect(steps[2]?.decision.state.facts.intent).toBe('sell');
  });

  it('keeps the phone number of a lead who asks to be called', () => {
    const steps = converse(['retiring', 'can you call me instead? 909-555-0188'], { tags: ['Seller-Lead'] });
    expect(steps[1]?.decision.escalation?.reason).toBe('human_request');
    expect(steps[1]?.decision.state.facts.phone).toBe('+19095550188');
  });

  it('tells a person about a STOP that comes with a threat, and still only confirms the opt-out', () => {
    const [s] = converse(["I'm reporting this number"]);
    expect(s?.reply).toMatch(/unsubscribed/i);
    expect(s?.decision.escalation).not.toBeNull();
    const [calm] = converse(['STOP']);
    expect(calm?.decision.escalation).toBeNull();
  });
});

describe('commission questions', () => {
  it('answers a lead without figures, tasks the agent and goes on qualifying', () => {
    const [s] = converse(['how much is your commission'], { tags: ['Seller-Lead'] });
    expect(s?.decision.escalation).toBeNull();
    expect(s?.reply).toMatch(/fees/i);
    expect(s?.reply).not.toMatch(/\d/);
    expect(tasks(s as Step).length).toBeGreaterThan(0);
    expect(answered(s as Step)).toContain('fees_commission');
  });

  it('hands another agent asking about co-op compensation to Jorge', () => {
    const [s] = converse(["I'm an agent with a buyer, what's the co-op"]);
    expect(s?.decision.escalation?.reason).toBe('commission');
  });
});

describe('after a polite close', () => {
  it('says nothing to an "ok", and answers a question without promising a follow-up', () => {
    const steps = converse(['not interested', 'ok', 'how did you get my number?'], { tags: ['Seller-Lead'] });
    expect(steps[0]?.decision.state.stage).toBe('closed');
    expect(steps[1]?.reply).toBeNull();
    expect(tasks(steps[1] as Step).length).toBe(1);
    expect(steps[2]?.reply).toBeTruthy();
    expect(steps[2]?.reply).not.toMatch(/follow up|\?/i);
    expect(answered(steps[2] as Step)).toContain('how_got_number');
  });

  it('stays cold after another agent was named, whatever timing the lead adds', () => {
    const steps = converse(["we're fsbo for now", 'if it doesnt sell by spring maybe'], {
      tags: ['Seller-Lead'],
    });
    expect(steps[1]?.decision.temperature).toBe('cold');
    expect(steps[1]?.reply).toBeNull();
  });

  it('answers a question asked with "no more questions"', () => {
    const steps = converse(['no more questions pls. who is this?'], { tags: ['Seller-Lead'] });
    expect(steps[0]?.decision.state.stage).toBe('closed');
    expect(answered(steps[0] as Step)).toContain('identity');
  });
});

describe('while the bot holds back for a person', () => {
  it('answers a grieving lead’s question briefly and asks nothing while they only share or ask', () => {
    const steps = converse(
      [
        'my mom passed in september and we have to deal with her house',
        'she lived there forty years, it is hard to even walk in',
        'how did you get my number?',
      ],
      { tags: ['Seller-Lead'] },
    );
    expect(steps[0]?.decision.escalation?.reason).toBe('grief');
    expect(steps[1]?.reply).toBeNull();
    expect(steps[2]?.reply).toBeTruthy();
    expect(steps[2]?.reply).not.toMatch(/\?/);
    expect(answered(steps[2] as Step)).toContain('how_got_number');
  });

  it('goes on with a bereaved seller who answers the questions after the condolences', () => {
    const steps = converse(
      [
        'oh ok. yeah we might sell, my mom passed in the spring and the house is just sitting there',
        'want it done by end of january',
        'honestly needs work, roof leaks and the carpet is shot',
      ],
      { tags: ['Seller-Lead'] },
    );
    expect(steps[0]?.reply).toMatch(/sorry for your loss/i);
    expect(steps[0]?.decision.escalation?.reason).toBe('grief');
    // The agent keeps the one task; the lead who goes on is qualified again, question by question.
    expect(steps[1]?.decision.escalation).toBeNull();
    expect(steps[1]?.reply).toMatch(/condition/i);
    expect(steps[2]?.reply).toMatch(/price/i);
    expect(steps[2]?.decision.state.facts.conditionGrade).toBe('needs_work');
  });

  it('goes on qualifying once a lead who was angry answers calmly', () => {
    const steps = converse(
      ['you guys texted me 5 times today wtf', 'fine. divorce. need it gone by end of january'],
      {
        tags: ['Seller-Lead'],
      },
    );
    expect(steps[0]?.decision.escalation?.reason).toBe('anger');
    expect(steps[1]?.reply).toMatch(/\?/);
    expect(steps[1]?.decision.state.facts.motivation).toBe('divorce');
  });

  it('goes on with a seller facing foreclosure who answers the questions, and keeps a lawsuit with the agent', () => {
    const steps = converse(
      [
        'sorry its 3am i cant sleep. we got the trustee sale notice today, its set for jan 22',
        'honestly needs work, roof leaks and the carpet is shot',
      ],
      { tags: ['Seller-Lead'] },
    );
    expect(steps[0]?.decision.escalation?.reason).toBe('distress:foreclosure');
    // The bank's auction, not an inheritance.
    expect(steps[0]?.decision.state.facts.motivation).toBe('financial');
    expect(steps[1]?.decision.escalation).toBeNull();
    expect(steps[1]?.reply).toMatch(/price/i);
    const sued = converse(['the neighbor is suing us over the fence, we need to sell', 'by march'], {
      tags: ['Seller-Lead'],
    });
    expect(sued[0]?.decision.escalation?.reason).toBe('distress:lawsuit');
    expect(sued[1]?.reply).toBeNull();
  });

  it('gives the agent one task for a burst of texts it does not answer, and a new one hours later', () => {
    const steps = converse(['not interested', 'ok', 'wait', 'we have a pool too', 'hello?'], {
      tags: ['Seller-Lead'],
      hoursApart: [0, 0, 0.02, 0.05, 5],
    });
    expect(steps.slice(1).map((s) => s.reply)).toEqual([null, null, null, null]);
    expect(steps.slice(1).map((s) => tasks(s).length)).toEqual([1, 0, 0, 1]);
    for (const s of steps.slice(1))
      expect(s.decision.events.map((e) => e.action)).toContain('inbound_while_silent');
  });

  it('never speaks over a person who took the conversation over', () => {
    const [s] = converse(['how did you get my number?'], { tags: ['Seller-Lead', 'Human-Takeover'] });
    expect(s?.reply).toBeNull();
  });
});

describe('the reply language follows the lead', () => {
  it('switches when asked and keeps to it', () => {
    const steps = converse(
      ['hola, queremos vender', 'can we talk in english please', 'nos mudamos por trabajo'],
      {
        tags: ['Seller-Lead'],
      },
    );
    expect(steps[0]?.decision.state.lang).toBe('es');
    expect(steps[1]?.reply).toMatch(/English/);
    expect(steps[1]?.reply).not.toMatch(/Jorge answer/);
    expect(steps[2]?.decision.state.lang).toBe('en');
  });
});

describe('a bare figure with nothing asked yet', () => {
  it('is the buyer’s budget or the seller’s price', () => {
    expect(converse(['950'], { tags: ['Buyer-Lead'] })[0]?.decision.state.facts.budgetMax).toBe(950_000);
    expect(converse(['700'], { tags: ['Seller-Lead'] })[0]?.decision.state.facts.priceExpectation).toBe(
      700_000,
    );
  });
});

describe('moving or cancelling an appointment', () => {
  it('is acknowledged and the agent gets a task to change the calendar', () => {
    const [s] = converse(['can we reschedule'], { tags: ['Seller-Lead'] });
    expect(answered(s as Step)).toContain('reschedule');
    expect(
      tasks(s as Step).some((t) => t.type === 'create_task' && /move the appointment/.test(t.title)),
    ).toBe(true);
  });
});

describe('the next step is never lost to a side question', () => {
  it('offers a ready seller the meeting when they ask what the home is worth', () => {
    const steps = converse(
      [
        'rental property, tired of the tenants',
        'when the lease is up in march',
        'needs work, they trashed it',
        '500 maybe? what do you think',
      ],
      { tags: ['Seller-Lead'] },
    );
    const last = steps.at(-1) as Step;
    expect(last.decision.state.stage).toBe('scheduling');
    expect(last.reply).toMatch(/value range/);
    expect(answered(last)).toContain('home_value');
  });

  it('keeps a lead selling and buying as both when the next answer speaks of one side', () => {
    const steps = converse([
      'we want to sell our townhouse and buy a house in eastvale',
      'we have a baby coming in april',
    ]);
    expect(steps[1]?.decision.state.facts.intent).toBe('both');
  });

  it('asks the next open question when one is given up on', () => {
    const steps = converse(['hi yes', 'end of january', 'needs work'], { tags: ['Seller-Lead'] });
    const last = steps.at(-1) as Step;
    expect(last.decision.state.skipped).toContain('seller.motivation');
    expect(last.decision.state.pending).toBe('seller.price');
    expect(last.reply).toMatch(/\?/);
  });
});
