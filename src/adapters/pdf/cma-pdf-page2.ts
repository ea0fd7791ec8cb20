import type { Cma } from '../../domain/cma/types.ts';
import { drawPricePerSqftChart } from './cma-pdf-chart.ts';
import { type CmaBranding, COLOR, type Doc, FONT, line, PAGE } from './cma-pdf-theme.ts';
import { longDate, num, toWinAnsi, usd } from './pdf-text.ts';

const { left: L, width_: W } = PAGE;

function heading(doc: Doc, text: string, y: number): void {
  doc.font(FONT.bold).fontSize(12).fillColor(COLOR.brand);
  line(doc, text, L, y, W);
}

function paragraph(doc: Doc, text: string, y: number, size = 9.5): number {
  doc
    .font(FONT.regular)
    .fontSize(size)
    .fillColor(COLOR.text)
    .text(toWinAnsi(text), L, y, { width: W, lineGap: 2 });
  return doc.y;
}

/** One or two sentences on recent sales in the area, from the market summary facts. */
export function marketSentence(cma: Cma, market: string): string {
  const m = cma.market;
  const area = m.area ?? market;
  if (m.sales === 0 || m.medianPrice === null)
    return `No homes sold in ${area} in the last ${m.months} months.`;
  const parts = [
    `${m.sales} home${m.sales === 1 ? '' : 's'} sold in ${area} in the last ${m.months} months at a median price of ${usd(m.medianPrice)}` +
      (m.medianPricePerSqft === null ? '.' : ` (${usd(m.medianPricePerSqft)} per sq ft).`),
  ];
  if (m.medianDaysOnMarket !== null)
    parts.push(`The typical home went under contract in ${m.medianDaysOnMarket} days.`);
  const change = m.pricePerSqftChangePct;
  if (change !== null) {
    parts.push(
      Math.abs(change) < 0.5
        ? 'Price per square foot held steady against the six months before.'
        : `Price per square foot is ${change > 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(1)}% on the six months before.`,
    );
  }
  return parts.join(' ');
}

function methodSentence(cma: Cma): string {
  const loc = cma.subject.location;
  const search = cma.search;
  const place = loc.neighborhood ?? loc.label;
  const where =
    loc.basis === 'market' || search.area === 'market'
      ? 'across the market'
      : search.area === 'nearby'
        ? `in and around ${place}`
        : `in or near ${place}`;
  const widened = search.widened ? ' The search was widened because fewer close matches sold recently.' : '';
  return (
    `We compared this home with ${cma.comps.length} homes that sold ${where} in the last ${search.months} months ` +
    `with a similar size (within ${search.relaxedSize ? '40' : '25'}%) and bedroom count.${widened} ` +
    'Each sale was adjusted to this home by its price per square foot for the difference in size, about 3% per bedroom, ' +
    'and for bathrooms, age, condition and market movement since it sold. The likely value is the weighted median of the ' +
    'adjusted prices, giving the closest matches the most weight; the range reflects how far the comparable sales spread.'
  );
}

export function drawSecondPage(doc: Doc, cma: Cma, branding: CmaBranding): void {
  heading(doc, 'Price per square foot', 40);
  doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
  const caption =
    `Each comparable sale, and this home at its likely value of ${usd(cma.range.likely)} over ` +
    `${num(cma.subject.sqft)} sq ft. Dashed line: the sales' median, ${usd(cma.pricePerSqft.median)}.`;
  line(doc, caption, L, 57, W);
  drawPricePerSqftChart(doc, cma, { x: L, y: 78, width: W, height: 250 });

  heading(doc, `Market snapshot: ${toWinAnsi(cma.market.area ?? branding.market)}`, 350);
  let y = paragraph(doc, marketSentence(cma, branding.market), 368);

  heading(doc, 'How this estimate was made', y + 18);
  y = paragraph(doc, methodSentence(cma), y + 36, 9);

  const agent = toWinAnsi(branding.agentName);
  const disclaimer =
    `This report is an estimate of market value based on recent comparable sales and the facts available on ${longDate(cma.asOf)}. ` +
    'It was not prepared by a licensed appraiser, does not include an inspection of the home, and must not be used for ' +
    'lending, tax or legal purposes. Facts marked as estimated were not provided and come from similar sales nearby. ' +
    'The price a home sells for depends on its condition, upgrades, timing and negotiation, and may fall outside this range. ' +
    `For a detailed pricing review, including a walk-through of the home, contact ${agent}.`;
  doc.font(FONT.regular).fontSize(8.5);
  const textHeight = doc.heightOfString(disclaimer, { width: W - 28, lineGap: 2 });
  // Kept clear of the footer whatever the length of the paragraphs above.
  const boxY = Math.min(y + 24, 740 - textHeight - 44);
  doc
    .roundedRect(L, boxY, W, textHeight + 44, 6)
    .lineWidth(1)
    .strokeColor(COLOR.warn)
    .stroke();
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(COLOR.warn)
    .text('This is not an appraisal.', L + 14, boxY + 12, { width: W - 28, lineBreak: false });
  doc
    .fillColor(COLOR.text)
    .font(FONT.regular)
    .fontSize(8.5)
    .text(disclaimer, L + 14, boxY + 32, { width: W - 28, lineGap: 2 });
}
