import { describe, expect, it } from 'vitest';
import { checkOutbound } from '../../../src/domain/compliance/index.ts';
import {
  addressSlug,
  cmaAttachmentName,
  composeCmaEmail,
  composeFollowUp,
  composeMatchesEmail,
  formatUsd,
} from '../../../src/domain/follow-up/index.ts';

const ADDRESS = '6842 Etiwanda Ave, Rancho Cucamonga';
const FACT = { area: 'Etiwanda', medianPrice: 845_000, medianDaysOnMarket: 21, sales: 34, months: 6 };
const HOME = {
  address: '12 Vintage Dr, Rancho Cucamonga',
  price: 589_000,
  beds: 3,
  baths: 2,
  neighborhood: 'Etiwanda',
};
const CMA = { low: 820_000, likely: 845_000, high: 870_000 };
const base = {
  lang: 'en' as const,
  bot: 'seller' as const,
  temperature: 'warm' as const,
  agentName: 'Jorge',
  firstName: 'Maria',
  marketFact: FACT,
  hasEmail: true,
  address: ADDRESS,
  cma: CMA,
  today: '2026-05-14',
};

describe('the CMA email when the PDF failed', () => {
  const input = { lang: 'en' as const, agentName: 'Jorge', firstName: 'Maria', address: ADDRESS, cma: CMA };

  it('still carries the figures and says the report will follow', () => {
    const e = composeCmaEmail(input, { pdfAttached: false });
    expect(e.subject).toBe(`Your Comparative Market Analysis for ${ADDRESS}`);
    for (const body of [e.text, e.html]) {
      expect(body).toContain('$845,000');
      expect(body).toContain('will follow in a separate email');
      expect(body).not.toContain('attached');
    }
    const es = composeCmaEmail({ ...input, lang: 'es' }, { pdfAttached: false });
    expect(es.text).toContain('le llegará en un correo aparte');
  });
});

describe('email safety', () => {
  it('escapes every value that comes from outside in the HTML', () => {
    const e = composeCmaEmail(
      {
        lang: 'en',
        agentName: 'Jorge & Co <b>',
        firstName: 'Maria',
        address: '12 "Main" St <script>alert(1)</script>',
        cma: { low: 1, likely: 2, high: 3 },
        marketFact: { ...FACT, area: 'A&B <i>' },
      },
      { pdfAttached: true },
    );
    expect(e.html).not.toContain('<script>');
    expect(e.html).not.toContain('<b>');
    expect(e.html).not.toContain('<i>');
    expect(e.html).toContain('&lt;script&gt;');
    expect(e.html).toContain('&quot;Main&quot;');
    expect(e.html).toContain('A&amp;B');
    expect(e.text).toContain('12 "Main" St <script>');
    const m = composeMatchesEmail({
      lang: 'en',
      agentName: 'Jorge',
      homes: [{ ...HOME, address: '<img src=x onerror=y>' }],
    });
    expect(m.html).not.toContain('<img');
  });

  it('keeps line breaks out of the subject', () => {
    const e = composeCmaEmail(
      {
        lang: 'en',
        agentName: 'Jorge',
        address: '12 Main St\r\nBcc: someone',
        cma: { low: 1, likely: 2, high: 3 },
      },
      { pdfAttached: true },
    );
    expect(e.subject).not.toMatch(/[\r\n]/);
  });

  it('the email wording has no AI talk, links or steering', () => {
    const email = composeFollowUp('day14', base);
    const matches = composeFollowUp('day14', { ...base, bot: 'buyer', matchesList: [HOME] });
    for (const m of [email, matches]) {
      if (m.kind === 'sms') throw new Error('expected an email');
      const check = checkOutbound(m.text, { maxLength: 100_000, agentName: 'Jorge' });
      expect(check.violations).toEqual([]);
    }
  });
});

describe('names and money', () => {
  it('addressSlug', () => {
    expect(addressSlug('6842 Etiwanda Ave, Rancho Cucamonga')).toBe('6842-Etiwanda-Ave-Rancho-Cucamonga');
    expect(addressSlug('1234 Calle Señora Ñandú, Apt. #4 ')).toBe('1234-Calle-Senora-Nandu-Apt-4');
    expect(addressSlug('  --  ')).toBe('property');
    const long = addressSlug(
      '10450 North Haven View Estates Lane Building 7 Unit 213, Rancho Cucamonga, California 91737',
    );
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('10450-North-Haven-View-Estates-Lane-Building-7-Unit-213');
    expect(long).not.toMatch(/--|^-|-$/);
  });

  it('cmaAttachmentName', () => {
    expect(cmaAttachmentName(ADDRESS, '2026-05-14')).toBe(
      'CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-05-14.pdf',
    );
  });

  it('formatUsd', () => {
    expect(formatUsd(845_000)).toBe('$845,000');
    expect(formatUsd(1_249_999.6)).toBe('$1,250,000');
    expect(formatUsd(950)).toBe('$950');
  });
});
