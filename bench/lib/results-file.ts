import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIOME = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.bin', 'biome');

/**
 * Writes raw results as JSON. bench/results/ is git-ignored but lies inside what `npm run lint`
 * checks, so the file is put in the project's format (best effort: skipped if Biome is missing).
 */
export function writeResultsJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  try {
    execFileSync(BIOME, ['format', '--write', file], { stdio: 'ignore', timeout: 30_000 });
  } catch {
    // formatting is a convenience; the data is already written
  }
}
