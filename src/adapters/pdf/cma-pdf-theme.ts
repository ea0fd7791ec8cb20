import type { Cma } from '../../domain/cma/types.ts';

export type Doc = PDFKit.PDFDocument;

/** Who the report comes from; phone, email and brokerage print only when configured. */
export interface CmaBranding {
  agentName: string;
  market: string;
  phone?: string;
  email?: string;
  brokerage?: string;
}

export const PAGE = { width: 612, height: 792, left: 48, right: 564, width_: 516 } as const;
export const COLOR = {
  brand: '#1f4e79',
  brandSoft: '#eaf1f8',
  subject: '#d97706',
  text: '#111827',
  muted: '#6b7280',
  rule: '#d1d5db',
  stripe: '#f3f4f6',
  good: '#15803d',
  warn: '#b45309',
} as const;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export const CONDITION_LABEL: Record<Cma['subject']['condition'], string> = {
  move_in_ready: 'Move-in ready',
  needs_minor_work: 'Needs minor work',
  needs_major_work: 'Needs major work',
};

/** The text cut with "…" to fit `width` in the current font (pdfkit's own ellipsis needs a height). */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** One line of text at (x, y), never wrapping: cut to `width` when it is too long. */
export function line(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center' | 'right' = 'left',
): void {
  doc.text(fit(doc, text, width), x, y, { width, align, lineBreak: false });
}
