// npm run docs:api — writes openapi.json and docs/API.md from the routes' own schemas.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiDocs } from './api-docs/generate.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = await generateApiDocs();
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(root, name), text);
  process.stdout.write(`wrote ${name}\n`);
}
