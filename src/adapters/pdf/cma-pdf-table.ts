import type { Cma } from '../../domain/cma/types.ts';
import { COLOR, type Doc, FONT, line, PAGE } from './cma-pdf-theme.ts';
import { num, shortDate, toWinAnsi, usd } from './pdf-text.ts';

const { left: L, width_: W } = PAGE;

const COLUMNS = [
  { title: 'Address', width: 170, align: 'left' },
  { title: 'Sold', width: 50, align: 'left' },
  { title: 'Bd/Ba', width: 42, align: 'center' },
  { title: 'Sq ft', width: 44, align: 'right' },
  { title: 'Sold price', width: 70, align: 'right' },
  { title: '$/sq ft', width: 52, align: 'right' },
  { title: 'Adjusted', width: 78, align: 'right' },
] as const;

/** The comps used, closest match first, with each sale's price adjusted to the subject. */
export function drawCompsTable(doc: Doc, cma: Cma, y: number): number {
  const months = cma.search.months;
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.brand)
    .text('Comparable sales', L, y, { lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text(`${cma.comps.length} closed sales, last ${months} months, closest match first`, L + 120, y + 3, {
      width: W - 120,
      align: 'right',
      lineBreak: false,
    });
  let rowY = y + 20;
  const cell = (text: string, i: number, cy: number) => {
    const x = L + 6 + COLUMNS.slice(0, i).reduce((s, c) => s + c.width, 0);
    const col = COLUMNS[i]!;
    line(doc, text, x, cy, col.width - 6, col.align);
  };
  doc.rect(L, rowY, W, 18).fillColor(COLOR.brand).fill();
  doc.font(FONT.bold).fontSize(8.5).fillColor('#ffffff');
  COLUMNS.forEach((c, i) => {
    cell(c.title, i, rowY + 5);
  });
  rowY += 18;
  cma.comps.forEach((u, r) => {
    if (r % 2 === 1) doc.rect(L, rowY, W, 26).fillColor(COLOR.stripe).fill();
    const c = u.comp;
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.text);
    cell(toWinAnsi(c.address), 0, rowY + 5);
    cell(shortDate(c.soldDate), 1, rowY + 5);
    cell(`${c.beds}/${c.baths}`, 2, rowY + 5);
    cell(num(c.sqft), 3, rowY + 5);
    cell(usd(c.soldPrice), 4, rowY + 5);
    cell(usd(u.pricePerSqft), 5, rowY + 5);
    doc.font(FONT.bold);
    cell(usd(u.adjustedPrice), 6, rowY + 5);
    const where = [c.neighborhood, u.distanceMiles === null ? null : `${u.distanceMiles.toFixed(1)} mi`]
      .filter(Boolean)
      .join(' · ');
    doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
    cell(toWinAnsi(where), 0, rowY + 15);
    rowY += 26;
  });
  doc
    .font(FONT.italic)
    .fontSize(7.5)
    .fillColor(COLOR.muted)
    .text(
      'Adjusted: what each sale suggests for this home after adjusting for size, bedrooms, bathrooms, age, condition and the time since it sold.',
      L,
      rowY + 5,
      { width: W },
    );
  return doc.y;
}
