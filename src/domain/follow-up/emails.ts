import type { Lang } from '../state.ts';
import { fill } from '../templates/index.ts';
import { escapeHtml, formatUsd, greetingName, oneLine } from './format.ts';
import { period, usableFact } from './sms.ts';
import type { EmailContent, MarketFact, MatchListItem } from './types.ts';
import { wordingFor } from './wording.ts';

// Day-14 emails: a plain-text body and a simple inline-styled HTML body with the same content.
// Every value that comes from outside (names, addresses, areas) is escaped in the HTML.

const MAX_LISTED_HOMES = 5;

const STYLE = {
  body: 'margin:0;padding:0;background:#f4f4f4;',
  card: 'max-width:560px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222;',
  p: 'margin:0 0 16px 0;',
  h: 'margin:0 0 8px 0;font-size:16px;font-weight:bold;',
  table: 'border-collapse:collapse;width:100%;margin:0 0 16px 0;',
  cell: 'padding:8px 12px;border:1px solid #dddddd;',
  money: 'padding:8px 12px;border:1px solid #dddddd;text-align:right;font-weight:bold;',
  small: 'margin:0 0 16px 0;font-size:12px;color:#666666;',
};

const p = (text: string, style = STYLE.p) => `<p style="${style}">${escapeHtml(text)}</p>`;

function htmlDocument(lang: Lang, blocks: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.card}">`,
    ...blocks,
    '</div></body></html>',
  ].join('\n');
}

function hello(w: { hello: string; helloPlain: string }, firstName: string | undefined): string {
  const name = greetingName(firstName);
  return name === undefined ? w.helloPlain : fill(w.hello, { name });
}

export interface CmaEmailInput {
  lang: Lang;
  agentName: string;
  firstName?: string;
  address: string;
  /** Whole dollars. */
  cma: { low: number; likely: number; high: number };
  /** Adds one line about recent sales in the area when there are enough of them. */
  marketFact?: MarketFact;
  /** A short explanation of the range in the agent's words (checked before it gets here). */
  narrative?: string;
}

/**
 * The day-14 CMA email. With `pdfAttached: false` (the PDF could not be made) it still carries the
 * value range and says the full report will follow, so the lead is not left waiting for nothing.
 */
export function composeCmaEmail(input: CmaEmailInput, opts: { pdfAttached: boolean }): EmailContent {
  const w = wordingFor(input.lang);
  const e = w.cmaEmail;
  const address = oneLine(input.address);
  const agent = oneLine(input.agentName);
  const greeting = hello(e, input.firstName);
  const intro = fill(e.intro, { address });
  const rows: [string, string][] = [
    [e.low, formatUsd(input.cma.low)],
    [e.likely, formatUsd(input.cma.likely)],
    [e.high, formatUsd(input.cma.high)],
  ];
  const fact = input.marketFact;
  const market =
    usableFact(fact) && fact.medianDaysOnMarket >= 1
      ? fill(e.market, {
          area: oneLine(fact.area),
          price: formatUsd(fact.medianPrice),
          period: period(w, fact.months),
          days: Math.round(fact.medianDaysOnMarket),
          sales: fact.sales,
        })
      : null;
  const report = opts.pdfAttached ? e.attached : e.toFollow;
  const narrative = input.narrative?.trim() || null;

  const text = [
    greeting,
    '',
    intro,
    '',
    `${e.rangeTitle}:`,
    ...rows.map(([label, value]) => `  ${label}: ${value}`),
    '',
    ...(narrative ? [narrative, ''] : []),
    ...(market ? [market, ''] : []),
    report,
    '',
    e.disclaimer,
    '',
    e.closing,
    '',
    e.signoff,
    agent,
  ].join('\n');

  const table = [
    `<table role="presentation" style="${STYLE.table}">`,
    ...rows.map(
      ([label, value]) =>
        `<tr><td style="${STYLE.cell}">${escapeHtml(label)}</td><td style="${STYLE.money}">${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
  ].join('');
  const html = htmlDocument(input.lang, [
    p(greeting),
    p(intro),
    `<p style="${STYLE.h}">${escapeHtml(e.rangeTitle)}</p>`,
    table,
    ...(narrative ? [p(narrative)] : []),
    ...(market ? [p(market)] : []),
    p(report),
    p(e.closing),
    `<p style="${STYLE.p}">${escapeHtml(e.signoff)}<br>${escapeHtml(agent)}</p>`,
    p(e.disclaimer, STYLE.small),
  ]);
  return { subject: fill(e.subject, { address }), text, html };
}

export interface MatchesEmailInput {
  lang: Lang;
  agentName: string;
  firstName?: string;
  /** Best first; the first five are listed. */
  homes: readonly MatchListItem[];
  /** All homes that fit, when more exist than are listed. */
  total?: number;
}

/** The buyer's day-14 email: the homes that fit their search right now. */
export function composeMatchesEmail(input: MatchesEmailInput): EmailContent {
  const e = wordingFor(input.lang).matchesEmail;
  const agent = oneLine(input.agentName);
  const shown = input.homes.slice(0, MAX_LISTED_HOMES);
  const total = Math.max(input.total ?? input.homes.length, input.homes.length);
  const subject = total === 1 ? e.subjectOne : fill(e.subjectMany, { count: total });
  const greeting = hello(e, input.firstName);
  const rows = shown.map((home) =>
    fill(e.row, {
      address: oneLine(home.address),
      neighborhood: oneLine(home.neighborhood),
      price: formatUsd(home.price),
      beds: home.beds,
      baths: home.baths,
    }),
  );
  const more = total > shown.length ? fill(e.more, { count: total - shown.length }) : null;

  const text = [
    greeting,
    '',
    e.intro,
    '',
    ...rows.map((row, i) => `${i + 1}. ${row}`),
    '',
    ...(more ? [more, ''] : []),
    e.closing,
    '',
    e.signoff,
    agent,
  ].join('\n');

  const list = [
    `<ol style="margin:0 0 16px 0;padding-left:20px;">`,
    ...rows.map((row) => `<li style="margin:0 0 8px 0;">${escapeHtml(row)}</li>`),
    '</ol>',
  ].join('');
  const html = htmlDocument(input.lang, [
    p(greeting),
    p(e.intro),
    list,
    ...(more ? [p(more)] : []),
    p(e.closing),
    `<p style="${STYLE.p}">${escapeHtml(e.signoff)}<br>${escapeHtml(agent)}</p>`,
  ]);
  return { subject, text, html };
}
