import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check, type Diagnostics, type Parameters } from 'recheck';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

// Every regular expression that reads a lead's text must run in linear time: one message that
// makes a pattern backtrack freezes the whole process (health checks and webhooks included).
// The patterns are found here, not listed by hand: regex literals from the syntax tree of every
// file, and patterns built at run time (`new RegExp`, helpers such as wordRegex) by recording
// every RegExp the modules construct while they load. Each one is then checked by recheck.
//
// recheck takes minutes for the thousand-odd patterns, so its verdicts are recorded in
// redos-verdicts.json, keyed by a hash of recheck's version, the settings below, the flags and the
// source: a pattern is checked again as soon as any of them changes, and a new or edited pattern is
// always checked live. Every run also re-checks a rotating sample of the recorded verdicts.
// `npm run check:redos` checks every pattern live and writes the record anew.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOGGER = join(ROOT, 'src/observability/logger.ts');

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

const DOMAIN_FILES = tsFiles(join(ROOT, 'src/domain'));

interface Pattern {
  source: string;
  flags: string;
  /** file:line where it is written or built. */
  site: string;
}

interface Scan {
  literals: Pattern[];
  /** Calls that build a RegExp at run time: `new RegExp(…)` and calls of functions that do. */
  buildSites: string[];
  /** `.match('…')`, `.search('…')`: a string silently turned into a RegExp nobody can see. */
  implicit: string[];
}

const siteOf = (file: string, sf: ts.SourceFile, node: ts.Node) =>
  `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;

function calleeName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  return ts.isIdentifier(node.expression) ? node.expression.text : undefined;
}

/** The named function a node sits in: `function f`, `const f = () =>`, `const f = function`. */
function enclosingFunction(node: ts.Node): string | undefined {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) && at.name) return at.name.text;
    if (
      (ts.isArrowFunction(at) || ts.isFunctionExpression(at)) &&
      ts.isVariableDeclaration(at.parent) &&
      ts.isIdentifier(at.parent.name)
    ) {
      return at.parent.name.text;
    }
  }
  return undefined;
}

function scanSources(files: readonly string[]): Scan {
  const trees = files.map((file) => ({
    file,
    sf: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  }));
  const nodes: { file: string; sf: ts.SourceFile; node: ts.Node }[] = [];
  for (const tree of trees) {
    const visit = (node: ts.Node): void => {
      nodes.push({ ...tree, node });
      ts.forEachChild(node, visit);
    };
    visit(tree.sf);
  }
  // Functions that build patterns, directly or through another such function (wordRegex → re).
  const builders = new Set(['RegExp']);
  for (let grown = true; grown; ) {
    grown = false;
    for (const { node } of nodes) {
      const name = calleeName(node);
      const owner = name && builders.has(name) ? enclosingFunction(node) : undefined;
      if (owner && !builders.has(owner)) {
        builders.add(owner);
        grown = true;
      }
    }
  }
  const scan: Scan = { literals: [], buildSites: [], implicit: [] };
  for (const { file, sf, node } of nodes) {
    if (ts.isRegularExpressionLiteral(node)) {
      const slash = node.text.lastIndexOf('/');
      const site = siteOf(file, sf, node);
      scan.literals.push({ source: node.text.slice(1, slash), flags: node.text.slice(slash + 1), site });
    }
    const name = calleeName(node);
    if (name && builders.has(name)) scan.buildSites.push(siteOf(file, sf, node));
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['match', 'matchAll', 'search'].includes(node.expression.name.text) &&
      node.arguments[0] &&
      (ts.isStringLiteralLike(node.arguments[0]) || ts.isTemplateExpression(node.arguments[0]))
    ) {
      scan.implicit.push(siteOf(file, sf, node));
    }
  }
  return scan;
}

interface Built {
  source: string;
  flags: string;
  /** Every file:line of ours on the stack, innermost first: the build site, then helper calls. */
  stack: string[];
}

const FRAME = /\(?(\/[^():]+\.ts):(\d+):\d+\)?$/;

function ourFrames(stack: string): string[] {
  return stack.split('\n').flatMap((line) => {
    const frame = FRAME.exec(line.trim());
    return frame?.[1]?.startsWith(join(ROOT, 'src/')) ? [`${relative(ROOT, frame[1])}:${frame[2]}`] : [];
  });
}

/**
 * Loads the modules while recording each RegExp they construct. The built-in is only observed
 * (the real constructor builds every pattern) and is put back before any test runs.
 */
async function loadAndRecord(files: readonly string[]): Promise<Built[]> {
  const NativeRegExp = RegExp;
  const stackLimit = Error.stackTraceLimit;
  const built: Built[] = [];
  const record = (re: RegExp): RegExp => {
    const stack = ourFrames(new Error().stack ?? '');
    if (stack.length > 0) built.push({ source: re.source, flags: re.flags, stack });
    return re;
  };
  Error.stackTraceLimit = 100;
  globalThis.RegExp = new Proxy(NativeRegExp, {
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => record(Reflect.apply(target, self, args)),
  });
  try {
    for (const file of files) await import(pathToFileURL(file).href);
  } finally {
    globalThis.RegExp = NativeRegExp;
    Error.stackTraceLimit = stackLimit;
  }
  return built;
}

const scan = scanSources([...DOMAIN_FILES, LOGGER]);
// logger.ts is only read: its patterns are literals, and loading it would record pino's own.
const built = await loadAndRecord(DOMAIN_FILES);

// A pattern built by a helper belongs where the helper is called (ai-question.ts, not text.ts).
const buildSites = new Set(scan.buildSites);
const patterns: Pattern[] = [
  ...scan.literals,
  ...built.map(({ source, flags, stack }) => ({
    source,
    flags,
    site: stack.findLast((frame) => buildSites.has(frame)) ?? stack[0] ?? '',
  })),
];

// Deterministic settings: the search is bounded by steps read, never by wall-clock time, so a
// busy machine cannot change a verdict. Fewer fuzzing rounds than the default keep the whole run
// near a minute; they still flag every pattern in the history of this code that backtracked.
const PARAMS: Parameters = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  attackLimit: 100_000_000,
  maxIteration: 3,
};

async function verdict(pattern: Pattern): Promise<Diagnostics> {
  // `g` only repeats the search; recheck rejects no flag but analyses a single match.
  return check(pattern.source, pattern.flags.replace('g', ''), PARAMS);
}

function describeUnsafe(pattern: Pattern, d: Diagnostics): string {
  const how =
    d.status === 'vulnerable'
      ? `${d.complexity.summary}, e.g. ${d.attack.pattern}`
      : d.status === 'unknown'
        ? `not decided (${d.error.kind})`
        : 'safe';
  return `${pattern.site} /${pattern.source}/${pattern.flags}: ${how}`;
}

const VERDICTS = join(ROOT, 'test/domain/redos-verdicts.json');
const RECHECK_VERSION: string = createRequire(import.meta.url)('recheck/package.json').version;
const CHECK_ALL = process.env.REDOS_CHECK_ALL === '1';
/** Re-checks about one recorded verdict in this many each run, a different share each day. */
const SAMPLE_ONE_IN = 48;

const keyOf = (p: Pattern) =>
  createHash('sha256')
    .update(JSON.stringify([RECHECK_VERSION, PARAMS, p.flags.replace('g', ''), p.source]))
    .digest('hex')
    .slice(0, 24);
const recordedSafe = new Set<string>(
  CHECK_ALL ? [] : (JSON.parse(readFileSync(VERDICTS, 'utf8')) as { safe: string[] }).safe,
);
const day = Math.floor(Date.now() / 86_400_000);
const sampled = (key: string) => Number.parseInt(key.slice(0, 8), 16) % SAMPLE_ONE_IN === day % SAMPLE_ONE_IN;
/** Patterns found safe by recheck in this run (with --all, the new record). */
const checkedSafe = new Set<string>();

async function unsafeAmong(list: readonly Pattern[]): Promise<string[]> {
  const unique = [...new Map(list.map((p) => [keyOf(p), p])).entries()].filter(
    ([key]) => !recordedSafe.has(key) || sampled(key),
  );
  const found: string[] = [];
  // Two at a time: recheck's native checker answers concurrent requests.
  for (let i = 0; i < unique.length; i += 2) {
    const pair = unique.slice(i, i + 2);
    const results = await Promise.all(pair.map(([, p]) => verdict(p)));
    results.forEach((d, k) => {
      const [key, p] = pair[k]!;
      if (d.status === 'safe') checkedSafe.add(key);
      else found.push(describeUnsafe(p, d));
    });
  }
  return found;
}

afterAll(() => {
  if (!CHECK_ALL) return;
  const safe = [...checkedSafe].sort();
  writeFileSync(VERDICTS, `${JSON.stringify({ recheck: RECHECK_VERSION, safe }, null, 2)}\n`);
});

// The domain's patterns are the same whichever FEATURE_* flags are set, so the second CI pass
// (all flags on) does not check them again.
const flagsOn = Object.entries(process.env).some(([k, v]) => k.startsWith('FEATURE_') && v && v !== 'false');

(flagsOn ? describe.skip : describe)('regular expressions on inbound text', () => {
  it('every pattern is found: built while the modules load, never from a bare string', () => {
    const observed = new Set(built.flatMap((b) => b.stack));
    const unobserved = [...buildSites].filter((site) => !observed.has(site));
    expect(unobserved, 'build these at module level so they can be checked').toEqual([]);
    expect(scan.implicit, 'pass a RegExp, not a string').toEqual([]);
    expect(scan.literals.length).toBeGreaterThan(300);
    expect(built.length).toBeGreaterThan(100);
  });

  it('the checker flags the duration pattern that once froze the reader on a run of digits', async () => {
    const NUM = '(\\d+(?:\\.\\d+)?)';
    const UNITS = 'months?|mos?|meses|mes|weeks?|wks?|semanas?|days?|dias?|years?|yrs?|anos?';
    const source = `(?:${NUM}\\s*(?:-|to|or|a|o|y)\\s*)?${NUM}\\s*(${UNITS})\\b`;
    const d = await verdict({ source, flags: 'g', site: 'history' });
    expect(d.status).toBe('vulnerable');
  });

  const files = [...new Set(patterns.map((p) => p.site.replace(/:\d+$/, '')))].sort();
  it.each(files)('%s: no pattern backtracks super-linearly', { timeout: 600_000 }, async (file) => {
    const own = patterns.filter((p) => p.site.replace(/:\d+$/, '') === file);
    expect(await unsafeAmong(own)).toEqual([]);
  });
});
