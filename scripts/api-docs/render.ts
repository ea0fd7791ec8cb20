// Turns the OpenAPI document into the committed openapi.json and docs/API.md, byte for byte the
// same on every machine: keys and paths sorted, no dates, hosts or ports.
import { isPublic } from '../../src/http/access.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const METHOD_ORDER = ['get', 'put', 'patch', 'post', 'delete'];

/** Object keys sorted at every depth; arrays keep their order (it can mean something). */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Obj = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k] as Json);
  return out;
}

export function renderOpenApiJson(spec: unknown): string {
  return `${JSON.stringify(sortKeys(spec as Json), null, 2)}\n`;
}

const obj = (v: Json | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(schema: Obj): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((e) => JSON.stringify(e)).join(' | ');
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const alts = (schema.anyOf ?? schema.oneOf) as Json[];
    return alts.map((a) => typeOf(obj(a))).join(' or ');
  }
  let t = typeof schema.type === 'string' ? schema.type : Array.isArray(schema.type) ? schema.type.join(' or ') : 'any';
  if (t === 'array') t = `array of ${typeOf(obj(schema.items))}`;
  const limits: string[] = [];
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'format', 'pattern']) {
    if (schema[k] !== undefined) limits.push(`${k} ${String(schema[k])}`);
  }
  if (schema.nullable === true) limits.push('nullable');
  return limits.length ? `${t} (${limits.join(', ')})` : t;
}

/** One row per field, nested fields as dotted names (array items as `name[]`), to depth 6. */
function fieldRows(schema: Obj, prefix: string, rows: string[], depth: number): void {
  if (depth > 6) return;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const props = obj(schema.properties);
  for (const name of Object.keys(props).sort()) {
    const p = obj(props[name]);
    const path = prefix ? `${prefix}.${name}` : name;
    const desc = typeof p.description === 'string' ? p.description : '';
    rows.push(`| \`${path}\` | ${cell(typeOf(p))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(desc)} |`);
    fieldRows(p, path, rows, depth + 1);
    if (p.type === 'array') fieldRows(obj(p.items), `${path}[]`, rows, depth + 1);
  }
}

function schemaSection(schema: Obj): string[] {
  const rows: string[] = [];
  fieldRows(schema, '', rows, 0);
  if (schema.type === 'array') fieldRows(obj(schema.items), '[]', rows, 0);
  if (rows.length === 0) return [`Body: ${cell(typeOf(schema))}.`, ''];
  return ['| field | type | required | description |', '|---|---|---|---|', ...rows, ''];
}

function renderOperation(method: string, path: string, op: Obj): string[] {
  const out = [`### ${method.toUpperCase()} ${path}`, ''];
  if (typeof op.summary === 'string') out.push(op.summary, '');
  if (typeof op.description === 'string') out.push(op.description, '');
  const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
  const open = isPublic(method.toUpperCase() as 'GET', fastifyPath);
  out.push(`Auth: ${open ? 'none (public route)' : '`Authorization: Bearer <JORGE_API_TOKEN>` when the token is set'}.`, '');
  const params = Array.isArray(op.parameters) ? op.parameters.map(obj) : [];
  if (params.length) {
    out.push('Parameters:', '', '| name | in | type | required | description |', '|---|---|---|---|---|');
    const sorted = [...params].sort((a, b) => `${a.in}${a.name}`.localeCompare(`${b.in}${b.name}`));
    for (const p of sorted) {
      const desc = typeof p.description === 'string' ? p.description : '';
      out.push(`| \`${String(p.name)}\` | ${String(p.in)} | ${cell(typeOf(obj(p.schema)))} | ${p.required ? 'yes' : 'no'} | ${cell(desc)} |`);
    }
    out.push('');
  }
  const body = obj(op.requestBody);
  for (const type of Object.keys(obj(body.content)).sort()) {
    out.push(`Request body (\`${type}\`${body.required ? ', required' : ''}):`, '');
    out.push(...schemaSection(obj(obj(obj(body.content)[type]).schema)));
  }
  const responses = obj(op.responses);
  for (const status of Object.keys(responses).sort()) {
    const r = obj(responses[status]);
    const content = obj(r.content);
    const types = Object.keys(content).sort();
    const desc = typeof r.description === 'string' && r.description !== 'Default Response' ? ` ${r.description}` : '';
    const what = types.length ? ` (\`${types.join('`, `')}\`):` : ': no body described.';
    out.push(`Response ${status}${what}${desc}`, '');
    for (const type of types) out.push(...schemaSection(obj(obj(content[type]).schema)));
  }
  return out;
}

/** docs/API.md: every described route with its auth, parameters, request body and responses. */
export function renderApiMarkdown(spec: unknown): string {
  const s = obj(sortKeys(spec as Json));
  const info = obj(s.info);
  const paths = obj(s.paths);
  const names = Object.keys(paths).sort();
  const out = [
    '# API',
    '',
    '<!-- Generated by `npm run docs:api` from the service\'s OpenAPI description; do not edit by hand. -->',
    '',
    `${String(info.title)} ${String(info.version)}. ${String(info.description ?? '')}`,
    '',
    'The same description is served at `GET /openapi.json` (committed as [`openapi.json`](../openapi.json))',
    'and browsable at `GET /docs`. Routes under `/api/` need `Authorization: Bearer <JORGE_API_TOKEN>` when',
    'the token is set; errors use one body, `{"error":{"code":"…","message":"…"}}`.',
    '',
    'Not in the description: `GET /` (the dashboard, token required), `POST /mcp` (MCP over Streamable',
    'HTTP, only with `FEATURE_MCP=true`; it checks the bearer token itself), `GET /openapi.json` and `GET /docs`.',
    '',
    '## Routes',
    '',
    '| method | path | summary |',
    '|---|---|---|',
  ];
  const ops: Array<[string, string, Obj]> = [];
  for (const path of names) {
    const item = obj(paths[path]);
    for (const m of Object.keys(item).sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b))) {
      ops.push([m, path, obj(item[m])]);
    }
  }
  for (const [m, path, op] of ops) {
    const anchor = `${m}-${path}`.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
    out.push(`| ${m.toUpperCase()} | [\`${path}\`](#${anchor}) | ${cell(String(op.summary ?? ''))} |`);
  }
  out.push('', '## Endpoints', '');
  for (const [m, path, op] of ops) out.push(...renderOperation(m, path, op));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
