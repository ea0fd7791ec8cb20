import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const PREAMBLE = `# Performance

Measured numbers from the scripts in \`bench/\`, one section per benchmark. Each section says when and
on which machine it was measured and the exact command, so a rerun can be compared like for like;
numbers from a different machine are not comparable. Speed targets are checked here, never in the test
suite. A script rewrites its own section on every run; a \`### Notes\` subsection at the end of a
section is written by hand and kept across runs.
`;

const NOTES = '### Notes';

/**
 * Writes \`## <heading>\` with \`body\` into the performance document, replacing that section if it
 * exists (but keeping its hand-written notes) and leaving every other section as it was.
 */
export function replaceSection(file: string, heading: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : PREAMBLE;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start === -1) {
    writeFileSync(file, `${text.trimEnd()}\n\n## ${heading}\n\n${body.trim()}\n`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const old = lines.slice(start, end);
  const notesAt = old.findIndex((l) => l.trim() === NOTES);
  const notes = notesAt === -1 ? '' : `\n${old.slice(notesAt).join('\n').trim()}\n`;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines.slice(end).join('\n').trim();
  const section = `## ${heading}\n\n${body.trim()}\n${notes}`;
  writeFileSync(file, `${before}\n\n${section}${after ? `\n${after}\n` : ''}`);
}
