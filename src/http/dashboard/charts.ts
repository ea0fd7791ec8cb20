import { html, type SafeHtml } from './escape.ts';

// Charts drawn on the server as SVG: readable without JavaScript, scale to a 375 px screen through
// their viewBox, and carry a text alternative (title, description and the same numbers as a table).

export interface Datum {
  label: string;
  value: number;
}

export interface ChartOptions {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** How a value reads in the table and the description ("3 leads", "$0.42"). */
  format?: (v: number) => string;
}

const W = 600;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 36, left: 44 };

/** A round number at or above `max` for the axis, so gridlines fall on readable values. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}

const fmt2 = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function describe(data: readonly Datum[], f: (v: number) => string): string {
  if (data.length === 0) return 'No data for this period.';
  const total = data.reduce((s, d) => s + d.value, 0);
  const top = data.reduce((a, b) => (b.value > a.value ? b : a));
  return `${data.length} values, total ${f(total)}; highest ${top.label}: ${f(top.value)}.`;
}

/** The numbers of a chart as a table, for screen readers and for anyone who wants them exact. */
export function dataTable(data: readonly Datum[], o: ChartOptions, head = ['', 'Value']): SafeHtml {
  const f = o.format ?? fmt2;
  return html`<details><summary>${o.title} as a table</summary><div class="table-wrap"><table>
<thead><tr><th scope="col">${head[0] || 'Item'}</th><th scope="col">${head[1]}</th></tr></thead>
<tbody>${data.map((d) => html`<tr><th scope="row">${d.label}</th><td>${f(d.value)}</td></tr>`)}</tbody>
</table></div></details>`;
}

/** Vertical bars, one per datum (days of a period). Labels are thinned so they never overlap. */
export function barChart(data: readonly Datum[], o: ChartOptions): SafeHtml {
  const f = o.format ?? fmt2;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const slot = data.length > 0 ? iw / data.length : iw;
  const bw = Math.max(1, slot * 0.7);
  const every = Math.max(1, Math.ceil(data.length / 8));
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  const grid = [0, 0.5, 1].map(
    (t) =>
      html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(max * t)}" y2="${y(max * t)}" class="grid"/><text x="${PAD.left - 6}" y="${y(max * t) + 4}" text-anchor="end">${f(max * t)}</text>`,
  );
  const bars = data.map((d, i) => {
    const x = PAD.left + i * slot + (slot - bw) / 2;
    const h = (d.value / max) * ih;
    return html`<rect x="${x.toFixed(1)}" y="${(PAD.top + ih - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"><title>${d.label}: ${f(d.value)}</title></rect>${
      i % every === 0
        ? html`<text x="${(x + bw / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${d.label.slice(5)}</text>`
        : ''
    }`;
  });
  return html`<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" preserveAspectRatio="xMidYMid meet">
<title id="${o.id}-t">${o.title}</title><desc id="${o.id}-d">${describe(data, f)}</desc>
${grid}${bars}</svg><figcaption>${o.title}. ${describe(data, f)}</figcaption>${dataTable(data, o, ['Day', 'Value'])}</figure>`;
}

/** Horizontal bars with their value written next to each: categories and funnel stages. */
export function hBarChart(data: readonly Datum[], o: ChartOptions & { percentOfFirst?: boolean }): SafeHtml {
  const f = o.format ?? fmt2;
  const rowH = 30;
  const labelW = 150;
  const h = Math.max(rowH, data.length * rowH) + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const first = data[0]?.value ?? 0;
  const text = (d: Datum) =>
    o.percentOfFirst && first > 0 && d !== data[0]
      ? `${f(d.value)} (${Math.round((d.value / first) * 100)}%)`
      : f(d.value);
  const rows = data.map((d, i) => {
    const w = ((W - labelW - 90) * d.value) / max;
    const yy = 4 + i * rowH;
    return html`<text x="${labelW - 8}" y="${yy + 19}" text-anchor="end">${d.label}</text><rect x="${labelW}" y="${yy + 4}" width="${w.toFixed(1)}" height="${rowH - 10}"><title>${d.label}: ${text(d)}</title></rect><text x="${(labelW + w + 6).toFixed(1)}" y="${yy + 19}">${text(d)}</text>`;
  });
  const desc =
    data.length === 0 ? 'No data for this period.' : data.map((d) => `${d.label}: ${text(d)}`).join('; ');
  return html`<figure class="chart"><svg viewBox="0 0 ${W} ${h}" role="img" aria-labelledby="${o.id}-t ${o.id}-d">
<title id="${o.id}-t">${o.title}</title><desc id="${o.id}-d">${desc}</desc>${rows}</svg><figcaption>${o.title}. ${desc}.</figcaption></figure>`;
}

/** Extra rules for the charts, added to the page that shows them. */
export const CHART_CSS = html`<style>
.chart{margin:0 0 1rem}.chart svg{width:100%;height:auto;max-width:40rem;display:block}
.chart rect{fill:#0b57b7}.chart text{font-size:13px;fill:#1b1f24}.chart .grid{stroke:#d7dce2}
.chart figcaption{font-size:.9rem;color:#4d5763}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;margin:0 0 1rem;padding:0;list-style:none}
.kpis li{background:#fff;border:1px solid #d7dce2;border-radius:6px;padding:.5rem .75rem}
.kpis strong{display:block;font-size:1.3rem}
</style>`;
