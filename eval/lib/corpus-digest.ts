import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Split } from './corpus.ts';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

/**
 * A digest of the utterance files of the splits named, in that order: the trained act model
 * records it, so a test can tell when the corpus changed and the model was not trained again.
 */
export function corpusDigest(splits: readonly Split[]): string {
  const h = createHash('sha256');
  for (const s of splits) h.update(readFileSync(join(CORPUS, `utterances-${s}.jsonl`)));
  return h.digest('hex');
}
