import { describe, expect, it } from 'vitest';
import { readQuestionActs } from '../../../src/domain/understand/questions.ts';
import type { AskedQuestion, BotKind } from '../../../src/domain/understand/types.ts';

const NOW = new Date('2026-12-04T18:00:00Z');
const labels = (text: string, bot: BotKind = 'seller', lastQuestion: AskedQuestion | null = 'appointment') =>
  readQuestionActs(text, { bot, lastQuestion, now: NOW })
    .map((act) =>
      act.act === 'scheduling' ? `s:${act.kind}` : act.act === 'question' ? `q:${act.topic}` : act.act,
    )
    .sort();

describe('times offered for a meeting', () => {
  it.each([
    'tuesday evening is best for us',
    'any weekday after 5:30',
    'early afternoon on the 18th',
    'only saturdays, we both work',
    'a video call would be easier',
    'el viernes por la tarde',
    'mejor entre semana después de las 6',
  ])('%j after the appointment offer is a time preference', (text) => {
    expect(labels(text)).toEqual(['s:time_preference']);
  });

  it('hears a showing request with a day from a buyer who was asked nothing', () => {
    expect(labels('could we go see the Foothill one friday afternoon', 'buyer', null)).toContain(
      's:time_preference',
    );
  });

  it('keeps a moving date in a timeline answer out of scheduling', () => {
    expect(labels('hoping to be out by next month', 'seller', 'timeline')).toEqual([]);
    expect(labels('we close on the 20th', 'buyer', null)).toEqual([]);
  });
});

describe('confirming a meeting', () => {
  it.each(['yeah that works', 'ok sounds good', 'perfect, see you then', 'sí, de acuerdo', '👍'])(
    '%j after the offer confirms it',
    (text) => {
      expect(labels(text)).toEqual(['s:confirm']);
    },
  );

  it('does not read a yes to another question as a confirmation', () => {
    expect(labels('yes', 'buyer', 'preapproval')).toEqual([]);
    expect(labels('ok', 'seller', 'price')).toEqual([]);
  });

  it('does not confirm when the yes comes with a question or a condition', () => {
    expect(labels('sure, what times are open?')).toEqual(['q:other']);
    expect(labels('ok but only if my husband can come')).not.toContain('s:confirm');
  });
});

describe('moving and cancelling a meeting', () => {
  it('reads a new time as a reschedule, not as cancelling or opting out; asked, it is a question too', () => {
    expect(labels('can we cancel the 10am and do 2 instead')).toEqual([
      'q:reschedule',
      's:reschedule',
      's:time_preference',
    ]);
    expect(labels('thursday no longer works, could we do friday')).toEqual([
      'q:reschedule',
      's:reschedule',
      's:time_preference',
    ]);
    expect(labels('¿la podemos pasar al miércoles?')).toEqual([
      'q:reschedule',
      's:reschedule',
      's:time_preference',
    ]);
    expect(labels('thursday no longer works, friday same time')).toEqual([
      's:reschedule',
      's:time_preference',
    ]);
  });

  it('asks and requests a reschedule at once', () => {
    expect(labels('could we reschedule? my kid is sick')).toEqual(['q:reschedule', 's:reschedule']);
  });

  it('asks how to reschedule or cancel without doing it', () => {
    expect(labels('what if we need to reschedule later')).toEqual(['q:reschedule']);
    expect(labels('can i cancel if my flight is delayed')).toEqual(['q:cancel']);
  });

  it('cancels the meeting itself', () => {
    expect(labels('please cancel the appointment')).toEqual(['q:cancel', 's:cancel']);
    expect(labels('we have to cancel, sorry')).toEqual(['s:cancel']);
    expect(labels('tengo que cancelar la cita del sábado', 'seller', null)).toEqual(['q:cancel', 's:cancel']);
  });

  it('reads a bare "cancel" while a meeting is offered as cancelling it too', () => {
    expect(labels('Cancel')).toEqual(['s:cancel']);
  });

  it('leaves cancelling the texts to the opt-out reader', () => {
    expect(labels('cancel', 'lead', null)).toEqual([]);
    expect(labels('how do i cancel these texts', 'lead', null)).toEqual([]);
  });
});
