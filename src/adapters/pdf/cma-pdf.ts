import PDFDocument from 'pdfkit';
import type { Cma, EstimableFact } from '../../domain/cma/types.ts';
import { drawSecondPage } from './cma-pdf-page2.ts';
import { drawCompsTable } from './cma-pdf-table.ts';
import {
  type CmaBranding,
  COLOR,
  CONDITION_LABEL,
  type Doc,
  FONT,
  fit,
  line,
  PAGE,
} from './cma-pdf-theme.ts';
import { longDate, num, shortDate, toWinAnsi, usd } from './pdf-text.ts';

export type { CmaBranding } from './cma-pdf-theme.ts';

const { left: L, width_: W } = PAGE;

function header(doc: Doc, b: CmaBranding): void {
  doc.rect(0, 0, PAGE.width, 64).fillColor(COLOR.brand).fill();
  doc.font(FONT.bold).fontSize(16).fillColor('#ffffff');
  line(doc, toWinAnsi(b.agentName), L, 18, 300);
  const sub = [b.brokerage, b.market]
    .filter(Boolean)
    .map((s) => toWinAnsi(s!))
    .join(' · ');
  doc.font(FONT.regular).fontSize(9.5);
  line(doc, sub, L, 39, 300);
  const contact = [b.phone, b.email].filter(Boolean).map((s) => toWinAnsi(s!));
  contact.forEach((text, i) => {
    line(doc, text, PAGE.right - 200, 20 + i * 15, 200, 'right');
  });
}

export function footer(doc: Doc, cma: Cma, b: CmaBranding, page: number): void {
  doc.moveTo(L, 752).lineTo(PAGE.right, 752).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted);
  // The agent's name is cut rather than the disclaimer, which must stay whole.
  const notice = ` · Estimate from recent sales as of ${shortDate(cma.asOf)}, not an appraisal.`;
  const name = fit(doc, toWinAnsi(b.agentName), 420 - doc.widthOfString(notice));
  doc.text(`${name}${notice}`, L, 758, { width: 420, lineBreak: false });
  doc.text(`Page ${page} of 2`, PAGE.right - 80, 758, { width: 80, align: 'right', lineBreak: false });
}

function valueBox(doc: Doc, cma: Cma, y: number): number {
  const { low, likely, high } = cma.range;
  doc.roundedRect(L, y, W, 84, 6).fillColor(COLOR.brandSoft).fill();
  doc
    .font(FONT.bold)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text('ESTIMATED MARKET VALUE', L + 16, y + 12, { characterSpacing: 0.6, lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(30)
    .fillColor(COLOR.brand)
    .text(usd(likely), L + 16, y + 26, { lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text('most likely value', L + 16, y + 62, { lineBreak: false });
  const x = L + 270;
  doc
    .font(FONT.bold)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text('LIKELY RANGE', x, y + 12, { characterSpacing: 0.6, lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(16)
    .fillColor(COLOR.text)
    .text(`${usd(low)} – ${usd(high)}`, x, y + 28, { width: 230, lineBreak: false });
  const facts = `${usd(cma.pricePerSqft.subject)} per sq ft · ${cma.comps.length} comparable sales · ${cma.confidence} confidence`;
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(facts, x, y + 52, { width: 230 });
  return y + 84;
}

function sellerLine(doc: Doc, cma: Cma, y: number): number {
  const s = cma.sellerPrice;
  if (!s) return y;
  const pct = Math.abs(s.differencePct).toFixed(1);
  const side = s.differencePct >= 0 ? 'above' : 'below';
  const verdict =
    s.verdict === 'within'
      ? 'which is within the estimated range.'
      : `which is ${s.verdict} the estimated range of ${usd(cma.range.low)} – ${usd(cma.range.high)}.`;
  const text = `Your price of ${usd(s.sellerPrice)} is ${pct}% ${side} the likely value, ${verdict}`;
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(s.verdict === 'within' ? COLOR.good : COLOR.warn)
    .text(text, L, y + 10, { width: W });
  return doc.y;
}

function factCell(doc: Doc, label: string, value: string, estimated: boolean, x: number, y: number): void {
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(COLOR.muted)
    .text(label.toUpperCase(), x, y, { characterSpacing: 0.4, lineBreak: false });
  const text = toWinAnsi(value);
  doc.font(FONT.bold).fontSize(11).fillColor(COLOR.text);
  const room = estimated ? 110 : 165;
  const shown = fit(doc, text, room);
  doc.text(shown, x, y + 11, { width: room, lineBreak: false });
  if (estimated) {
    const after = x + doc.widthOfString(shown) + 4;
    doc
      .font(FONT.italic)
      .fontSize(8.5)
      .fillColor(COLOR.muted)
      .text('(estimated)', after, y + 13, { lineBreak: false });
  }
}

function subjectFacts(doc: Doc, cma: Cma, y: number): number {
  const s = cma.subject;
  const est = (f: EstimableFact) => cma.estimated.includes(f);
  doc.font(FONT.bold).fontSize(12).fillColor(COLOR.brand).text('The home', L, y, { lineBreak: false });
  const cells: [string, string, boolean][] = [
    ['Bedrooms', String(s.beds), est('beds')],
    ['Bathrooms', String(s.baths), est('baths')],
    ['Living area', `${num(s.sqft)} sq ft`, est('sqft')],
    ['Year built', s.yearBuilt === null ? 'unknown' : String(s.yearBuilt), est('yearBuilt')],
    ['Condition', CONDITION_LABEL[s.condition], est('condition')],
    ['Compared with', s.location.neighborhood ?? s.location.label, false],
  ];
  cells.forEach(([label, value, estimated], i) => {
    factCell(doc, label, value, estimated, L + (i % 3) * 172, y + 20 + Math.floor(i / 3) * 32);
  });
  let bottom = y + 20 + 64;
  if (cma.estimated.length > 0) {
    doc
      .font(FONT.italic)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(
        'Facts marked (estimated) were not provided; they are taken from similar recent sales nearby. Sharing the real figures sharpens the estimate.',
        L,
        bottom,
        { width: W },
      );
    bottom = doc.y;
  }
  return bottom;
}

/** Renders the two-page CMA report (US Letter) and resolves with the PDF bytes. */
export function renderCmaPdf(cma: Cma, branding: CmaBranding): Promise<Buffer> {
  const when = new Date(`${cma.asOf}T12:00:00Z`);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 36, bottom: 18, left: L, right: PAGE.width - PAGE.right },
    info: {
      Title: toWinAnsi(`Comparative Market Analysis - ${cma.subject.address}`),
      Author: toWinAnsi(branding.agentName),
      Subject: 'Comparative Market Analysis',
      // Fixed to the analysis date so the same analysis always gives the same bytes.
      CreationDate: when,
      ModDate: when,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolveBytes, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolveBytes(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, branding);
  doc
    .font(FONT.bold)
    .fontSize(22)
    .fillColor(COLOR.text)
    .text('Comparative Market Analysis', L, 82, { lineBreak: false });
  // The address must read in full (mail previews and searches use it): shrink before cutting.
  const address = toWinAnsi(cma.subject.address);
  let size = 13;
  while (size > 8 && doc.font(FONT.bold).fontSize(size).widthOfString(address) > W) size -= 0.5;
  doc.fillColor(COLOR.brand);
  line(doc, address, L, 110 + (13 - size) / 2, W);
  doc.font(FONT.regular).fontSize(9.5).fillColor(COLOR.muted);
  line(doc, `Prepared ${longDate(cma.asOf)} by ${toWinAnsi(branding.agentName)}`, L, 128, W);
  let y = valueBox(doc, cma, 148);
  y = sellerLine(doc, cma, y);
  y = subjectFacts(doc, cma, y + 16);
  drawCompsTable(doc, cma, y + 14);
  footer(doc, cma, branding, 1);

  doc.addPage();
  drawSecondPage(doc, cma, branding);
  footer(doc, cma, branding, 2);
  doc.end();
  return done;
}
