import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MD, generateApiDocs, OPENAPI_JSON } from '../../scripts/api-docs/generate.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';

const root = join(import.meta.dirname, '..', '..');
const stale = (file: string) =>
  `${file} does not match the routes' schemas: run \`npm run docs:api\` and commit openapi.json and docs/API.md`;

describe('committed API description', () => {
  let testDb: TestDb;
  let generated: Record<string, string>;
  beforeAll(async () => {
    testDb = await pgliteBackend.open();
    generated = await generateApiDocs({ db: testDb.db });
  }, 60_000);
  afterAll(async () => {
    await testDb?.close();
  });

  it.each([OPENAPI_JSON, API_MD])('%s is what npm run docs:api generates now', (file) => {
    const committed = readFileSync(join(root, file), 'utf8');
    expect(committed === generated[file], stale(file)).toBe(true);
  });

  it('describes every route under /api/v1, the webhook and the OAuth callback', () => {
    const spec = JSON.parse(generated[OPENAPI_JSON] as string) as { paths: Record<string, unknown> };
    const paths = Object.keys(spec.paths);
    expect(paths).toContain('/webhooks/ghl');
    expect(paths).toContain('/oauth/callback');
    expect(paths).toContain('/api/v1/contacts/{id}');
    expect(generated[API_MD]).toContain('### POST /api/v1/sandbox/messages');
  });

  it('generates the same bytes twice (no dates, ports or key order)', async () => {
    const again = await generateApiDocs({ db: testDb.db });
    expect(again).toEqual(generated);
  }, 60_000);
});
