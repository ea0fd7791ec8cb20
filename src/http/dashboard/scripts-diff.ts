import { html, type SafeHtml } from './escape.ts';

export type DiffLine = { op: ' ' | '+' | '-'; text: string };

const MAX_LINES = 3000;

/**
 * A line diff (longest common subsequence), enough for documents of a few hundred lines. Beyond
 * MAX_LINES each side, the whole old text is shown removed and the new one added.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES)
    return [
      ...a.map((text) => ({ op: '-' as const, text })),
      ...b.map((text) => ({ op: '+' as const, text })),
    ];
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint16Array;
    const next = lcs[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--)
      row[j] =
        a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] as string });
      i++;
      j++;
    } else if (((lcs[i + 1] as Uint16Array)[j] as number) >= ((lcs[i] as Uint16Array)[j + 1] as number))
      out.push({ op: '-', text: a[i++] as string });
    else out.push({ op: '+', text: b[j++] as string });
  }
  while (i < n) out.push({ op: '-', text: a[i++] as string });
  while (j < m) out.push({ op: '+', text: b[j++] as string });
  return out;
}

/** Changed lines with two lines of context; "No changes." when the texts are equal. */
export function diffHtml(lines: readonly DiffLine[], label: string): SafeHtml {
  const keep = new Set<number>();
  lines.forEach((l, k) => {
    if (l.op !== ' ') for (let d = -2; d <= 2; d++) keep.add(k + d);
  });
  if (keep.size === 0) return html`<p>${label}: no changes.</p>`;
  const rows: SafeHtml[] = [];
  let gap = false;
  lines.forEach((l, k) => {
    if (!keep.has(k)) {
      if (!gap) rows.push(html`<span class="d-gap">…</span>\n`);
      gap = true;
      return;
    }
    gap = false;
    const cls = l.op === '+' ? 'd-add' : l.op === '-' ? 'd-del' : 'd-eq';
    const sr = l.op === '+' ? 'added: ' : l.op === '-' ? 'removed: ' : '';
    rows.push(
      html`<span class="${cls}"><span class="visually-hidden">${sr}</span>${l.op} ${l.text}</span>\n`,
    );
  });
  return html`<figure class="diff"><figcaption>${label}</figcaption><pre>${rows}</pre></figure>`;
}
