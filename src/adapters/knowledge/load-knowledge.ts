import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Persona } from '../../domain/bots-config.ts';
import {
  checkTopicAnswer,
  defaultKnowledgeBase,
  KNOWLEDGE_TOPICS,
  type KnowledgeBase,
  type KnowledgeTopic,
  type TopicAnswer,
} from '../../domain/knowledge/index.ts';

const wording = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : v),
  z
    .array(z.string({ error: 'must be text' }).trim().min(1, 'is empty'), {
      error: 'must be a text or a list of texts',
    })
    .min(1, 'needs at least one text'),
);
// Only a value of the wrong type gets these words; unknown keys keep zod's own message.
const typeError = (message: string) => (issue: { code: string }) =>
  issue.code === 'invalid_type' ? message : undefined;
const topicEntry = z.preprocess(
  (v) => (v === false ? null : v),
  z
    .object(
      { en: wording, es: wording },
      { error: typeError('must be false (the agent answers it) or an entry with en and/or es texts') },
    )
    .partial()
    .strict()
    .nullable(),
);
const fileSchema = z
  .object(
    {
      topics: z
        .object(Object.fromEntries(KNOWLEDGE_TOPICS.map((t) => [t, topicEntry.optional()])), {
          error: typeError('must map topic names to answers'),
        })
        .strict(),
    },
    { error: typeError('must be a mapping with a "topics" key') },
  )
  .partial()
  .strict();

export class KnowledgeFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Invalid knowledge file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeFileError';
  }
}

type Path = readonly PropertyKey[];

const pathText = (path: Path) =>
  path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    '',
  ) || '(root)';

/** "line N" of the deepest node of `path` a YAML file has, so the realtor finds the spot. */
function lineFinder(text: string, yaml: boolean): (path: Path) => string {
  if (!yaml) return () => '';
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] };
      if (node?.range) return ` (line ${counter.linePos(node.range[0]).line})`;
    }
    return '';
  };
}

/**
 * The knowledge base: the shipped answers, with every topic the file (KNOWLEDGE_FILE, YAML or
 * JSON) sets replaced, language by language. Each of the file's wordings is checked as it will be
 * sent with this persona; a bad file stops start-up naming the key and line of every problem.
 */
export function loadKnowledge(
  file: string | undefined,
  persona: Persona,
  placeNames: readonly string[] = [],
): KnowledgeBase {
  if (!file) return defaultKnowledgeBase;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KnowledgeFileError(file, [(err as Error).message]);
  }
  return parseKnowledgeText(text, file, /\.ya?ml$/i.test(file), persona, placeNames);
}

/**
 * The same checks on a document's text (the dashboard's Scripts page edits it); `label` names it
 * in the error. Throws KnowledgeFileError naming the key and line of every problem.
 */
export function parseKnowledgeText(
  text: string,
  label: string,
  yaml: boolean,
  persona: Persona,
  placeNames: readonly string[] = [],
): KnowledgeBase {
  const file = label;
  let raw: unknown;
  try {
    const doc = yaml ? parseDocument(text) : null;
    if (doc && doc.errors.length > 0) throw doc.errors[0];
    raw = doc ? doc.toJS() : JSON.parse(text);
  } catch (err) {
    throw new KnowledgeFileError(file, [(err as Error).message]);
  }
  const line = lineFinder(text, yaml);
  const r = fileSchema.safeParse(raw ?? {});
  if (!r.success)
    throw new KnowledgeFileError(
      file,
      r.error.issues.flatMap((i) => {
        if (i.code !== 'unrecognized_keys') return [`${pathText(i.path)}${line(i.path)}: ${i.message}`];
        const what =
          i.path.join('.') === 'topics'
            ? `is not a topic (topics: ${KNOWLEDGE_TOPICS.join(', ')})`
            : 'is not a setting';
        return i.keys.map((k) => `${pathText([...i.path, k])}${line([...i.path, k])}: ${what}`);
      }),
    );
  const given = (r.data.topics ?? {}) as Partial<Record<KnowledgeTopic, Partial<TopicAnswer> | null>>;
  const problems: string[] = [];
  const topics = { ...defaultKnowledgeBase.topics };
  for (const topic of KNOWLEDGE_TOPICS) {
    const entry = given[topic];
    if (entry === undefined) continue;
    if (entry === null) {
      topics[topic] = null;
      continue;
    }
    for (const p of checkTopicAnswer(topic, entry, persona, placeNames))
      problems.push(`${pathText(p.path)}${line(p.path)}: ${p.message}`);
    const base = defaultKnowledgeBase.topics[topic];
    topics[topic] = { en: entry.en ?? base?.en ?? [], es: entry.es ?? base?.es ?? [] };
  }
  if (problems.length > 0) throw new KnowledgeFileError(file, problems);
  return { topics };
}
