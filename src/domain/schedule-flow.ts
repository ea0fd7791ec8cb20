import {
  formatSlot,
  parseAnyTime,
  parseDay,
  parseDaypart,
  parseSlotChoice,
  pickSlots,
} from './scheduling.ts';
import type { TurnContext } from './turn-context.ts';
import { type Facts, QUALIFYING_FACTS } from './state.ts';

// Facts a lead may add while times are offered ("Redlands o Rancho", "nothing under 760").
const TOLD: readonly (keyof Facts)[] = [...QUALIFYING_FACTS, 'areas', 'beds'];

export type Visit = 'listing' | 'showing';

const slotList = (ctx: TurnContext, slots: string[]) =>
  slots.map((s, i) => `${i + 1}) ${formatSlot(s, ctx.cfg.persona.timezone, ctx.lang)}`).join(' ');

/** "1) Tue 10am 2) Wed 10am": the date left out, when the weekdays alone tell the slots apart. */
function shortSlotList(ctx: TurnContext, slots: string[]): string | null {
  const short = slots.map((s) => {
    const words = formatSlot(s, ctx.cfg.persona.timezone, ctx.lang).split(' ');
    return `${words[0]} ${words[words.length - 1]}`;
  });
  const days = short.map((x) => x.split(' ')[0]);
  if (new Set(days).size !== days.length) return null;
  return short.map((x, i) => `${i + 1}) ${x}`).join(' ');
}

/**
 * The full slot list, or the short one when the full one would push the rest of the reply out;
 * null when even the short one does not fit beside what the reply already says.
 */
function offerList(ctx: TurnContext, key: string, slots: string[]): string | null {
  const fits = (list: string) =>
    before.length + ctx.phrase(key, { list }).length <= ctx.cfg.thresholds.smsMaxLength;
  const before = ctx.parts.map((p) => `${p.text} `).join('');
  const full = slotList(ctx, slots);
  if (fits(full) || before === '') return full;
  const short = shortSlotList(ctx, slots);
  return short && fits(short) ? short : null;
}

/** Offers three real calendar slots; without a calendar, asks morning or afternoon instead. */
export function startScheduling(ctx: TurnContext, visit: Visit): void {
  ctx.state.stage = 'scheduling';
  if (ctx.world.calendar) {
    if (ctx.world.slots === undefined) {
      ctx.needsSlots = true;
      return;
    }
    const picked = pickSlots(ctx.world.slots, {
      now: ctx.now,
      timeZone: ctx.cfg.persona.timezone,
      hours: ctx.cfg.thresholds.businessHours,
    });
    if (picked.length > 0) {
      const key = visit === 'listing' ? 'schedule.offer' : 'schedule.offer_showing';
      let list = offerList(ctx, key, picked);
      // The best home in fewer words ("a 3 bed at $589k") leaves room for the times.
      if (list === null && visit === 'showing' && ctx.shorten()) list = offerList(ctx, key, picked);
      if (list === null && visit === 'showing') {
        // The homes just named matter more: ask first, and offer the times with the answer.
        ctx.state.stage = 'qualifying';
        ctx.ask('schedule.want_visit');
        return;
      }
      ctx.state.schedule = { step: 'slots', slots: picked };
      // For a listing visit the times come first; the lines before them may be dropped to fit.
      ctx.say(key, { list: list ?? slotList(ctx, picked) }, { keep: true });
      ctx.state.pending = 'schedule.slots';
      return;
    }
  }
  ctx.state.schedule = { step: 'daypart', slots: [] };
  ctx.ask('schedule.daypart');
}

/** The lead's answer while scheduling: a slot number or time, "none of those", a daypart, a day. */
export function continueScheduling(ctx: TurnContext, visit: Visit): void {
  const sch = ctx.state.schedule ?? { step: 'daypart' as const, slots: [] };
  const tz = ctx.cfg.persona.timezone;
  const what = visit === 'listing' ? 'Listing appointment' : 'Home showing';
  if (sch.step === 'slots') {
    const choice = parseSlotChoice(ctx.text, sch.slots, tz);
    if (choice && 'index' in choice) {
      const slot = sch.slots[choice.index]!;
      const when = formatSlot(slot, tz, ctx.lang);
      ctx.actions.push({ type: 'book_appointment', startTime: slot, title: `${what} (booked by text)` });
      // Selling and buying: the purchase side still needs the bot, so the Buyer bot takes over
      // (turn.ts) instead of the assistant going quiet for the agent.
      const purchaseLeft = visit === 'listing' && ctx.state.facts.intent === 'both';
      ctx.addTags(ctx.cfg.tags.appointmentBooked, ...(purchaseLeft ? [] : [ctx.cfg.tags.aiOff]));
      ctx.task(
        `${what}: ${when}`,
        `Booked by text for ${when}. Confirm with the lead and prepare for the visit.`,
        2,
      );
      ctx.say('schedule.booked', { slot: when }, { keep: true });
      requestAddress(ctx, visit);
      ctx.state.stage = 'booked';
      ctx.state.pending = null;
      ctx.state.schedule = { ...sch, slots: [slot] };
      ctx.audit('appointment_booked', { startTime: slot, visit });
      return;
    }
    if (choice && 'none' in choice) {
      ctx.state.schedule = { step: 'daypart', slots: [] };
      ctx.ask('schedule.daypart');
      return;
    }
    // "Can I cancel Saturday's showing? we want to see more first": no time wanted for now, so
    // nothing is booked and the agent follows up; a day named in it is not a choice.
    if (cancelsOnly(ctx)) {
      ctx.say('schedule.none_booked', {}, { keep: true });
      ctx.task(
        `${what}: no time picked`,
        `The lead declined the offered times: "${ctx.text.trim().slice(0, 160)}"`,
        2,
      );
      ctx.state.stage = 'closed';
      ctx.state.closedReason = 'qualified';
      ctx.state.pending = null;
      ctx.state.schedule = { step: 'slots', slots: [] };
      ctx.audit('appointment_declined', { visit });
      return;
    }
    // "Can you come Saturday morning?": none of the offered times, a time of their own instead.
    const day = parseDay(ctx.text);
    const daypart = parseDaypart(ctx.text);
    const prefers = ctx.reading.acts.some((a) => a.act === 'scheduling' && a.kind === 'time_preference');
    if (day || daypart || prefers) {
      finishWithTask(ctx, what, daypart ?? 'any time', day ?? ctx.text.trim().slice(0, 40));
      return;
    }
    // "actually my wife says nothing under 760": a fact, kept by the turn; say so, then the times.
    const told = TOLD.some((k) => ctx.reading.facts[k] !== undefined);
    const list = slotList(ctx, sch.slots);
    // Offered again already and still no pick ("yep", "that's it"): the agent sets the time.
    if (!told && ctx.state.lastReply?.includes(ctx.phrase('schedule.reoffer', { list }))) {
      finishWithTask(ctx, what, 'any time', 'no time picked from the offer');
      return;
    }
    if (!told) {
      ctx.say('schedule.reoffer', { list }, { keep: true });
      return;
    }
    // A second fact after the offer gets the same promise in other words, never the same text.
    ctx.sayOnceInTheseWords('schedule.noted', { list });
    return;
  }
  if (sch.step === 'daypart') {
    const daypart = parseDaypart(ctx.text);
    if (!daypart) {
      // "any weekday", "tuesday works", "whenever": an answer, not a reason to ask the same again.
      const day = parseDay(ctx.text);
      const anyTime = parseAnyTime(ctx.text);
      if (day || anyTime) {
        finishWithTask(ctx, what, 'any time', day ?? anyTime ?? '');
        return;
      }
      ctx.ask('schedule.daypart', 1);
      return;
    }
    const day = parseDay(ctx.text);
    if (day) {
      finishWithTask(ctx, what, daypart, day);
      return;
    }
    ctx.state.schedule = { step: 'day', slots: [], daypart };
    ctx.ask('schedule.day');
    return;
  }
  const day = parseDay(ctx.text) ?? ctx.text.trim().slice(0, 40);
  finishWithTask(ctx, what, sch.daypart ?? 'any time', day);
}

function cancelsOnly(ctx: TurnContext): boolean {
  const kinds = ctx.reading.acts.flatMap((a) => (a.act === 'scheduling' ? [a.kind] : []));
  return kinds.includes('cancel') && !kinds.includes('reschedule') && !kinds.includes('time_preference');
}

function finishWithTask(ctx: TurnContext, what: string, daypart: string, day: string): void {
  ctx.task(
    `${what}: schedule with the lead`,
    `The lead prefers ${daypart}, ${day}. Their message: "${ctx.text.trim().slice(0, 300)}". Call to confirm the exact time.`,
    2,
  );
  ctx.say('schedule.agent_confirms', {}, { keep: true });
  requestAddress(ctx, what === 'Listing appointment' ? 'listing' : 'showing');
  ctx.state.stage = 'booked';
  ctx.state.pending = null;
  ctx.audit('appointment_requested', { daypart, day });
}

/** A listing visit needs the address: asked once, as a request, since the booking ends the chat. */
function requestAddress(ctx: TurnContext, visit: Visit): void {
  if (visit !== 'listing' || ctx.state.facts.address || ctx.state.addressAsked) return;
  ctx.state.addressAsked = true;
  ctx.say('schedule.address_please', {}, { keep: true });
}
