import type { Cma } from '../../domain/cma/types.ts';
import { COLOR, type Doc, FONT } from './cma-pdf-theme.ts';
import { toWinAnsi, usd } from './pdf-text.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Bar {
  label: string;
  value: number;
  highlight: boolean;
}

/** Bar label: the street address without the unit, at most 26 characters (two short lines). */
function shortLabel(address: string): string {
  const line = toWinAnsi(address.split(',')[0] ?? address).replace(/\s+(?:Unit|Apt|#).*$/i, '');
  return line.length <= 26 ? line : `${line.slice(0, 25).trimEnd()}…`;
}

/**
 * Price per square foot of each comp, with the subject's implied $/sq ft highlighted and the comps'
 * median as a dashed line (the caption above the chart says so). The axis starts below the lowest bar (labelled gridlines make it clear)
 * so that differences of a few percent stay visible.
 */
export function drawPricePerSqftChart(doc: Doc, cma: Cma, box: Box): void {
  const bars: Bar[] = [
    ...cma.comps.map((u) => ({ label: shortLabel(u.comp.address), value: u.pricePerSqft, highlight: false })),
    { label: 'This home (estimate)', value: cma.pricePerSqft.subject, highlight: true },
  ];
  const values = bars.map((b) => b.value);
  const step = 25;
  const min = Math.max(0, Math.floor((Math.min(...values) * 0.85) / step) * step);
  const max = Math.ceil((Math.max(...values) * 1.04) / step) * step;
  const axisLeft = box.x + 34;
  const plotBottom = box.y + box.height - 30;
  const plotTop = box.y + 8;
  const plotWidth = box.x + box.width - axisLeft;
  const yOf = (v: number) => plotBottom - ((v - min) / (max - min)) * (plotBottom - plotTop);

  doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
  const gridStep = (max - min) / step > 8 ? step * 2 : step;
  for (let v = min; v <= max; v += gridStep) {
    const y = yOf(v);
    doc
      .moveTo(axisLeft, y)
      .lineTo(axisLeft + plotWidth, y)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.text(`$${v}`, box.x, y - 3, { width: 30, align: 'right', lineBreak: false });
  }

  const slot = plotWidth / bars.length;
  const barWidth = Math.min(38, slot * 0.62);
  bars.forEach((bar, i) => {
    const x = axisLeft + slot * i + (slot - barWidth) / 2;
    const top = yOf(bar.value);
    doc
      .rect(x, top, barWidth, plotBottom - top)
      .fillColor(bar.highlight ? COLOR.subject : COLOR.brand)
      .fill();
    doc
      .font(bar.highlight ? FONT.bold : FONT.regular)
      .fontSize(7.5)
      .fillColor(COLOR.text)
      .text(usd(bar.value), x - 8, top - 11, { width: barWidth + 16, align: 'center', lineBreak: false });
    doc
      .font(bar.highlight ? FONT.bold : FONT.regular)
      .fontSize(6.5)
      .fillColor(bar.highlight ? COLOR.subject : COLOR.muted)
      .text(bar.label, axisLeft + slot * i + 1, plotBottom + 5, {
        width: slot - 2,
        align: 'center',
        height: 24,
        ellipsis: true,
      });
  });

  const medianY = yOf(cma.pricePerSqft.median);
  doc
    .moveTo(axisLeft, medianY)
    .lineTo(axisLeft + plotWidth, medianY)
    .dash(3, { space: 3 })
    .lineWidth(0.8)
    .strokeColor(COLOR.muted)
    .stroke()
    .undash();
  doc
    .moveTo(axisLeft, plotBottom)
    .lineTo(axisLeft + plotWidth, plotBottom)
    .lineWidth(0.8)
    .strokeColor(COLOR.text)
    .stroke();
}
