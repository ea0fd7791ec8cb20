export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes with "" for a quote inside;
 * CRLF or LF line ends; a UTF-8 byte order mark is ignored. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let sawContent = false;
  const endRecord = () => {
    cells.push(cell);
    if (sawContent) records.push({ line: startLine, cells });
    cells = [];
    cell = '';
    sawContent = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      sawContent = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      sawContent = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else {
      if (!sawContent && ch.trim() !== '') sawContent = true;
      cell += ch;
    }
  }
  if (quoted) throw new Error(`line ${startLine}: a quoted field is never closed`);
  endRecord();
  return records;
}

/** Quotes a cell when it holds a comma, quote or line break. */
export function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
