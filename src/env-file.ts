import { readFileSync } from 'node:fs';

// The `.env` file `npm start` reads from the working directory (config.ts merges it under the real
// environment). Syntax, one setting per line:
//   NAME=value            bare value: trimmed, a ` #` starts a comment
//   export NAME=value     the shell's `export` prefix is allowed
//   NAME='value'          single quotes: taken literally
//   NAME="a\nb"           double quotes: \n \r \t \" \\ are escapes; may span several lines
//   # comment, blank lines
// Anything else is an error naming the line, so a typo never silently drops a setting. Values are
// never echoed in errors: they may be secrets.

export class EnvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvFileError';
  }
}

const SETTING = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;
const BLANK_OR_COMMENT = /^\s*(?:#.*)?$/;
const EXPORT_PREFIX = /^export\s/;
const WHITESPACE = new Set([' ', '\t']);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The settings in the text of a .env file; throws EnvFileError naming the first bad line. */
export function parseEnvFile(text: string, file = '.env'): Record<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const where = `${file} line ${i + 1}`;
    const m = SETTING.exec(line);
    if (!m) {
      const eq = line.indexOf('=');
      const name = eq === -1 ? undefined : line.slice(0, eq).trim().replace(EXPORT_PREFIX, '').trim();
      throw new EnvFileError(
        name !== undefined
          ? `${where}: "${name.slice(0, 40)}" is not a valid name (letters, digits and _, not starting with a digit)`
          : `${where}: expected NAME=value`,
      );
    }
    const name = m[1]!;
    const raw = m[2]!.trimStart();
    if (raw.startsWith('"')) {
      const parsed = doubleQuoted(lines, i, raw.slice(1));
      if (!parsed)
        throw new EnvFileError(`${where}: the value of ${name} opens a " quote that is never closed`);
      if (!BLANK_OR_COMMENT.test(parsed.rest)) {
        throw new EnvFileError(`${where}: unexpected text after the closing quote of ${name}`);
      }
      out[name] = parsed.value;
      i = parsed.endLine;
    } else if (raw.startsWith("'")) {
      const close = raw.indexOf("'", 1);
      if (close === -1)
        throw new EnvFileError(`${where}: the value of ${name} opens a ' quote that is never closed`);
      if (!BLANK_OR_COMMENT.test(raw.slice(close + 1))) {
        throw new EnvFileError(`${where}: unexpected text after the closing quote of ${name}`);
      }
      out[name] = raw.slice(1, close);
    } else {
      out[name] = withoutComment(raw).trim();
    }
  }
  return out;
}

/** A bare value up to a `#` that starts it or follows a space. */
function withoutComment(value: string): string {
  for (let j = 0; j < value.length; j++) {
    if (value[j] === '#' && (j === 0 || WHITESPACE.has(value[j - 1]!))) return value.slice(0, j);
  }
  return value;
}

/** Scans a double-quoted value from `first` (the text after the quote), continuing on later lines. */
function doubleQuoted(
  lines: string[],
  start: number,
  first: string,
): { value: string; rest: string; endLine: number } | null {
  let value = '';
  let text = first;
  for (let ln = start; ln < lines.length; ln++) {
    if (ln > start) {
      text = lines[ln]!;
      value += '\n';
    }
    for (let j = 0; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\\' && j + 1 < text.length) {
        const next = text[j + 1]!;
        value += ESCAPES[next] ?? `\\${next}`;
        j++;
      } else if (c === '"') {
        return { value, rest: text.slice(j + 1), endLine: ln };
      } else {
        value += c;
      }
    }
  }
  return null;
}

/** The settings in `path`, or undefined when there is no such file. */
export function readEnvFile(path: string, label = '.env'): Record<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvFileError(`${label}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseEnvFile(text, label);
}
