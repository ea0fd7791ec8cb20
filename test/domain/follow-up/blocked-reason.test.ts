import { describe, expect, it } from 'vitest';
import { defaultTagNames } from '../../../src/domain/bots-config.ts';
import {
  type FollowUpContactStatus,
  followUpBlockedFor,
  followUpBlockedReason,
} from '../../../src/domain/follow-up/index.ts';

const OFF_SWITCHES = ['AI-Off', 'Stop-Bot', 'Qualified', 'Human-Takeover'];

const clear: FollowUpContactStatus = {
  optedOut: false,
  paused: false,
  tags: ['Seller-Lead', 'Warm-Seller'],
  needsHumanReview: false,
  complianceHold: false,
  booked: false,
  offSwitchTags: OFF_SWITCHES,
};

describe('followUpBlockedReason', () => {
  it('lets a quiet, ordinary lead receive follow-ups', () => {
    expect(followUpBlockedReason(clear)).toBeNull();
  });

  it.each([
    [{ optedOut: true }, 'opted_out'],
    [{ tags: ['tcpa-opt-out'] }, 'opted_out'],
    [{ paused: true }, 'paused'],
    [{ needsHumanReview: true }, 'escalated'],
    [{ complianceHold: true }, 'compliance_hold'],
    [{ tags: ['Human-Takeover'] }, 'human_takeover'],
    [{ tags: ['human-takeover'] }, 'human_takeover'],
    [{ booked: true }, 'booked'],
    [{ tags: ['appointment-booked'] }, 'booked'],
    [{ tags: ['AI-OFF'] }, 'off_switch'],
    [{ tags: ['stop-bot'] }, 'off_switch'],
  ] as [Partial<FollowUpContactStatus>, string][])('%o → %s', (change, reason) => {
    expect(followUpBlockedReason({ ...clear, ...change })).toBe(reason);
  });

  it('reports the weightiest reason when several apply', () => {
    const everything: FollowUpContactStatus = {
      ...clear,
      optedOut: true,
      paused: true,
      needsHumanReview: true,
      complianceHold: true,
      booked: true,
      tags: ['Human-Takeover', 'AI-Off'],
    };
    expect(followUpBlockedReason(everything)).toBe('opted_out');
    expect(followUpBlockedReason({ ...everything, optedOut: false })).toBe('paused');
    expect(followUpBlockedReason({ ...everything, optedOut: false, paused: false })).toBe('escalated');
  });

  it('uses the configured tag names', () => {
    const names = { optOut: 'DNC', humanTakeover: 'Agent-Has-It', appointmentBooked: 'Booked' };
    expect(followUpBlockedReason({ ...clear, tags: ['agent-has-it'] }, names)).toBe('human_takeover');
    expect(followUpBlockedReason({ ...clear, tags: ['dnc'] }, names)).toBe('opted_out');
    expect(followUpBlockedReason({ ...clear, tags: ['Appointment-Booked'] }, names)).toBeNull();
  });
});

describe("followUpBlockedFor (the location's configured tag names)", () => {
  const { offSwitchTags: _, ...lead } = clear;
  // A location that renamed its takeover, AI-off and opt-out tags and keeps no off-switch list.
  const renamed = {
    ...defaultTagNames,
    offSwitches: [],
    humanTakeover: 'Agent-Has-It',
    aiOff: 'Bot-Quiet',
    optOut: 'DNC',
  };

  it('blocks a lead carrying a renamed tag, off-switch list or not', () => {
    expect(followUpBlockedFor(lead, renamed)).toBeNull();
    expect(followUpBlockedFor({ ...lead, tags: ['agent-has-it'] }, renamed)).toBe('human_takeover');
    expect(followUpBlockedFor({ ...lead, tags: ['BOT-QUIET'] }, renamed)).toBe('off_switch');
    expect(followUpBlockedFor({ ...lead, tags: ['dnc'] }, renamed)).toBe('opted_out');
  });

  it('no longer reads the default names once they are renamed', () => {
    expect(followUpBlockedFor({ ...lead, tags: ['Human-Takeover', 'TCPA-Opt-Out'] }, renamed)).toBeNull();
    expect(followUpBlockedFor({ ...lead, tags: ['Human-Takeover'] }, defaultTagNames)).toBe('human_takeover');
  });
});
