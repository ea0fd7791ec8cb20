import type { Db } from '../../src/ports.ts';
import { buildOpenApiSpec } from './build-spec.ts';
import { renderApiMarkdown, renderOpenApiJson } from './render.ts';

/** The committed files, relative to the repository root. */
export const OPENAPI_JSON = 'openapi.json';
export const API_MD = 'docs/API.md';

export async function generateApiDocs(opts: { db?: Db } = {}): Promise<Record<string, string>> {
  const spec = await buildOpenApiSpec(opts);
  return { [OPENAPI_JSON]: renderOpenApiJson(spec), [API_MD]: renderApiMarkdown(spec) };
}
