// The hours in which a text we start may reach a lead, by the law of where the lead is. Each
// row says which law it comes from and how sure we are of it. Where we are unsure we keep the
// stricter reading: holding a follow-up until morning costs little, a text at the wrong hour is a
// per-message fine. Not legal advice; counsel should review this table before a new market.
//
// What is not modelled: state holidays (Alabama, Louisiana, Mississippi, Pennsylvania, Rhode
// Island and Utah forbid solicitation calls on some), emergency declarations, and exemptions
// (prior consent, an established business relationship) that might let us text later: we never
// rely on an exemption.

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday

/** Local sending hours: from `startHour` (inclusive) to `endHour` (exclusive). */
export interface DayHours {
  startHour: number;
  endHour: number;
}

export interface SendRule extends DayHours {
  /** Days with other hours; null = no texts that day. */
  days?: Partial<Record<Weekday, DayHours | null>>;
  /** Texts we start, per rolling 24 hours (replies to the lead do not count). */
  maxPerDay?: number;
  /** The law, as it is cited. */
  law: string;
  /** 'statute': read in the statute's text; 'summary': from compliance summaries, not the text. */
  checked: 'statute' | 'summary';
}

/**
 * Federal floor, everywhere in the US: no telephone solicitation before 8 am or after 9 pm at the
 * called party's location (47 U.S.C. § 227(c), 47 CFR § 64.1200(c)(1)); the FCC treats a text as a
 * call. Applied to Canadian numbers too, under the CRTC rule below.
 */
export const FEDERAL_RULE: SendRule = {
  startHour: 8,
  endHour: 21,
  law: 'TCPA, 47 CFR § 64.1200(c)(1)',
  checked: 'statute',
};

export const STATE_RULES: Readonly<Record<string, SendRule>> = {
  // Florida Telemarketing Act as amended in 2021 (SB 1120, with the FTSA, § 501.059): no
  // commercial solicitation call, text or voicemail before 8 am or after 8 pm in the called
  // person's time zone (§ 501.616(6)(a)), and no more than three on the same subject matter to a
  // person in 24 hours (§ 501.616(6)(b)). § 501.059 presumes a Florida area code is a resident.
  FL: { startHour: 8, endHour: 20, maxPerDay: 3, law: 'Fla. Stat. § 501.616(6)(a)-(b)', checked: 'statute' },
  // Oklahoma Telephone Solicitation Act of 2022 (HB 3168), modelled on Florida's: 8 am to 8 pm at
  // the called party's location, three per 24 hours on the same subject. Section number from
  // summaries; unsure whether the hours sit in § 775C.4 or a neighbouring section.
  OK: { startHour: 8, endHour: 20, maxPerDay: 3, law: 'Okla. Stat. tit. 15, § 775C.4', checked: 'summary' },
  // Maryland Stop the Spam Calls Act of 2023 (SB 90, in force 1 January 2024): 8 am to 8 pm in the
  // called party's time zone, three calls or texts per 24 hours on the same subject. Unsure of
  // the exact subsection (Com. Law § 14-4501 and following).
  MD: {
    startHour: 8,
    endHour: 20,
    maxPerDay: 3,
    law: 'Md. Code, Com. Law § 14-4501 ff. (Stop the Spam Calls Act)',
    checked: 'summary',
  },
  // Washington: a commercial telephone solicitor may not call before 8 am or after 8 pm at the
  // recipient's local time (RCW 19.158.040(2)); RCW 80.36.390 counts each real estate agent as a
  // solicitor. Unsure whether texts count as "calls" here; we assume they do.
  WA: { startHour: 8, endHour: 20, law: 'RCW 19.158.040(2)', checked: 'statute' },
  // Connecticut, as amended by Public Act 23-98 (SB 1058, from 1 October 2023): telephonic sales
  // calls, texts included, only 9 am to 8 pm; applies to Connecticut area codes too.
  CT: { startHour: 9, endHour: 20, law: 'Conn. Gen. Stat. § 42-288a (P.A. 23-98)', checked: 'summary' },
  // Texas: 9 am to 9 pm Monday to Saturday, noon to 9 pm on Sunday; SB 140 (2023) brought texts
  // under "telephone solicitation".
  TX: {
    startHour: 9,
    endHour: 21,
    days: { 0: { startHour: 12, endHour: 21 } },
    law: 'Tex. Bus. & Com. Code § 301.051 (SB 140)',
    checked: 'summary',
  },
  // Louisiana: none on Sundays (or legal holidays), 8 am to 8 pm otherwise (La. R.S. 45:811,
  // La. PSC General Order R-29617).
  LA: {
    startHour: 8,
    endHour: 20,
    days: { 0: null },
    law: 'La. R.S. 45:811; La. PSC Gen. Order R-29617',
    checked: 'summary',
  },
  // Alabama: 8 am to 8 pm, none on Sundays. Unsure: the PSC rule may bind only telephone
  // utilities; we follow it anyway.
  AL: { startHour: 8, endHour: 20, days: { 0: null }, law: 'Ala. PSC telephone rules', checked: 'summary' },
  // Mississippi: 8 am to 8 pm, none on Sundays.
  MS: { startHour: 8, endHour: 20, days: { 0: null }, law: 'Miss. Code § 77-3-725', checked: 'summary' },
  // Utah: 8 am to 9 pm, none on Sundays (or legal holidays).
  UT: { startHour: 8, endHour: 21, days: { 0: null }, law: 'Utah Code § 13-25a-103', checked: 'summary' },
  // Rhode Island: "hours of operation" (§ 5-61-2(9), § 5-61-3.6): 9 am to 6 pm on weekdays, 10 am
  // to 5 pm on Saturdays, none on Sundays. The hours themselves are from summaries.
  RI: {
    startHour: 9,
    endHour: 18,
    days: { 6: { startHour: 10, endHour: 17 }, 0: null },
    law: 'R.I. Gen. Laws § 5-61-3.6',
    checked: 'summary',
  },
  // The rest from compliance summaries of state telemarketing hours; sections unverified.
  MA: { startHour: 8, endHour: 20, law: 'Mass. Gen. Laws ch. 159C', checked: 'summary' },
  KY: { startHour: 10, endHour: 21, law: 'KRS 367.46955', checked: 'summary' },
  MI: { startHour: 9, endHour: 21, law: 'Mich. Comp. Laws § 445.111b', checked: 'summary' },
  MN: { startHour: 9, endHour: 21, law: 'Minn. Stat. § 325E.27', checked: 'summary' },
  NV: { startHour: 9, endHour: 20, law: 'Nev. Rev. Stat. ch. 228', checked: 'summary' },
  NM: { startHour: 9, endHour: 21, law: 'N.M. Stat. § 57-12-22', checked: 'summary' },
};

/**
 * Canada: the CRTC Unsolicited Telecommunications Rules allow telemarketing 9 am to 9:30 pm on
 * weekdays and 10 am to 6 pm on weekends. Unsure whether they bind texts (CASL governs commercial
 * texts and sets no hours); we follow them, ending at 9 pm because windows are whole hours.
 */
export const CANADA_RULE: SendRule = {
  startHour: 9,
  endHour: 21,
  days: { 0: { startHour: 10, endHour: 18 }, 6: { startHour: 10, endHour: 18 } },
  law: 'CRTC Unsolicited Telecommunications Rules, Part III',
  checked: 'summary',
};
