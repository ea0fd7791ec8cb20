import { describe, expect, it } from 'vitest';
import { sendWindowFor } from '../../../src/domain/compliance/quiet-hours.ts';
import { decideSendConsent, type SendTiming } from '../../../src/domain/compliance/send-consent.ts';

const florida = sendWindowFor({ phone: '+13055550123' }, 'America/Los_Angeles');
const NIGHT = new Date('2026-11-24T01:30:00Z'); // Mon 20:30 in Miami
const DAY = new Date('2026-11-24T17:00:00Z'); // Tue 12:00 in Miami
const MORNING = '2026-11-24T13:00:00.000Z'; // Tue 08:00 in Miami

const consent = { optedOut: false, unreadTexts: [] as string[], decidedAfterOptOut: false };
const followUp = (now: Date, over: Partial<SendTiming> = {}): SendTiming => ({
  now,
  window: florida,
  isReply: false,
  queuedAt: new Date(now.getTime() - 1000),
  leadLastWroteAt: new Date('2026-11-20T18:00:00Z'),
  humanTakeover: false,
  sentInLast24h: [],
  ...over,
});

describe('decideSendConsent: consent', () => {
  it('an opt-out cancels what was queued before it, not its own confirmation', () => {
    expect(decideSendConsent({ ...consent, optedOut: true })).toEqual({
      action: 'cancel',
      reason: 'opted_out',
    });
    expect(decideSendConsent({ ...consent, optedOut: true, decidedAfterOptOut: true })).toEqual({
      action: 'send',
    });
  });

  it('an unread STOP holds everything, replies included, until its turn has run', () => {
    const held = decideSendConsent({
      ...consent,
      unreadTexts: ['stop'],
      timing: followUp(DAY, { isReply: true }),
    });
    expect(held).toEqual({ action: 'hold', until: null, reason: 'unread_opt_out' });
  });
});

describe('decideSendConsent: quiet hours', () => {
  it('a follow-up to a Florida lead at 8:30 pm local waits for 8 am; at noon it goes', () => {
    const night = decideSendConsent({ ...consent, timing: followUp(NIGHT) });
    expect(night).toMatchObject({ action: 'hold', reason: 'quiet_hours' });
    expect(night.action === 'hold' && night.until?.toISOString()).toBe(MORNING);
    expect(decideSendConsent({ ...consent, timing: followUp(DAY) })).toEqual({ action: 'send' });
  });

  it('the answer to a lead who just wrote goes out at any hour', () => {
    const reply = followUp(NIGHT, { isReply: true, queuedAt: NIGHT, leadLastWroteAt: NIGHT });
    expect(decideSendConsent({ ...consent, timing: reply })).toEqual({ action: 'send' });
  });

  it('a reply that sat in the queue for an hour is no longer an answer: it waits for the morning', () => {
    const queuedAt = new Date(NIGHT.getTime() - 60 * 60_000);
    const stale = followUp(NIGHT, { isReply: true, queuedAt, leadLastWroteAt: queuedAt });
    expect(decideSendConsent({ ...consent, timing: stale })).toMatchObject({
      action: 'hold',
      reason: 'quiet_hours',
    });
  });

  it('a held follow-up is dropped when the lead writes first, read or not yet read', () => {
    const queuedAt = NIGHT;
    const morning = new Date(MORNING);
    const wrote = followUp(morning, { queuedAt, leadLastWroteAt: new Date(NIGHT.getTime() + 3_600_000) });
    expect(decideSendConsent({ ...consent, timing: wrote })).toEqual({
      action: 'cancel',
      reason: 'lead_wrote_first',
    });
    const unread = decideSendConsent({ ...consent, unreadTexts: ['are you there?'], timing: followUp(DAY) });
    expect(unread).toEqual({ action: 'cancel', reason: 'lead_wrote_first' });
  });

  it('a held follow-up is dropped when a person takes the conversation over', () => {
    const taken = followUp(DAY, { humanTakeover: true });
    expect(decideSendConsent({ ...consent, timing: taken })).toEqual({
      action: 'cancel',
      reason: 'person_took_over',
    });
  });

  it('a fourth text we start within 24 hours waits for the Florida cap; replies are not counted', () => {
    const sent = ['2026-11-24T14:00:00Z', '2026-11-24T15:00:00Z', '2026-11-24T16:00:00Z'].map(
      (d) => new Date(d),
    );
    const capped = decideSendConsent({ ...consent, timing: followUp(DAY, { sentInLast24h: sent }) });
    expect(capped).toMatchObject({ action: 'hold', reason: 'daily_limit' });
    expect(capped.action === 'hold' && capped.until?.toISOString()).toBe('2026-11-25T14:00:00.000Z');
    const reply = followUp(DAY, { isReply: true, queuedAt: DAY, leadLastWroteAt: DAY, sentInLast24h: sent });
    expect(decideSendConsent({ ...consent, timing: reply })).toEqual({ action: 'send' });
  });
});
