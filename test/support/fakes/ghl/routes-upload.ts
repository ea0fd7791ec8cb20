import { type Ctx, type Route, route } from './router.ts';
import { badRequest, GhlError, forbiddenLocation, newId, ok, type Reply, unprocessable } from './wire.ts';

const ALLOWED_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'png',
  'mp4',
  'mpeg',
  'zip',
  'rar',
  'pdf',
  'doc',
  'docx',
  'txt',
  'mp3',
  'wav',
  'vcf',
]);
const MAX_BYTES = 5 * 1024 * 1024;

async function parseForm(ctx: Ctx): Promise<FormData> {
  const contentType = ctx.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw unprocessable(['conversationId should not be empty', 'fileAttachment should not be empty']);
  }
  try {
    // undici's multipart parser keeps the fake free of extra dependencies.
    return await new Response(ctx.raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('Multipart: Boundary not found');
  }
}

const field = (form: FormData, name: string): string | undefined => {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** `POST /conversations/messages/upload`: multer-style field checks, then public URLs back at this server. */
export async function uploadAttachment(ctx: Ctx): Promise<Reply> {
  const { state } = ctx;
  const form = await parseForm(ctx);
  const files: File[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') continue;
    if (name !== 'fileAttachment') throw badRequest('Unexpected field');
    files.push(value);
  }
  const missing = ['conversationId', 'contactId', 'locationId']
    .filter((k) => field(form, k) === undefined)
    .map((k) => `${k} should not be empty`);
  if (files.length === 0) missing.push('fileAttachment should not be empty');
  if (missing.length > 0) throw unprocessable(missing);
  if (field(form, 'locationId') !== state.locationId) throw forbiddenLocation();
  const conversationId = field(form, 'conversationId') ?? '';
  const conv = state.conversations.get(conversationId);
  if (!conv || conv.locationId !== state.locationId) {
    // Real quirk (issue #39): a bad conversation id surfaces as a 500.
    throw new GhlError({
      status: 500,
      body: { statusCode: 500, message: `Conversation with id ${conversationId} not found` },
    });
  }
  const uploadedFiles: Record<string, string> = {};
  for (const file of files) {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!ALLOWED_EXTENSIONS.has(ext)) {
      throw new GhlError({
        status: 415,
        body: { status: 415, message: `File type .${ext} is not supported` },
      });
    }
    if (file.size > MAX_BYTES) {
      throw new GhlError({ status: 413, body: { status: 413, message: 'File size exceeds the 5 MB limit' } });
    }
    const id = newId();
    const url = `${ctx.baseUrl}/files/${id}/${encodeURIComponent(file.name)}`;
    const data = Buffer.from(await file.arrayBuffer());
    state.uploads.push({
      filename: file.name,
      contentType: file.type || 'application/octet-stream',
      size: data.length,
      url,
      data,
    });
    uploadedFiles[file.name] = url;
  }
  return ok({ uploadedFiles });
}

/** Public storage URLs: no auth, no rate limit, like GHL's file host. */
function serveFile({ state, params, baseUrl }: Ctx): Reply {
  const prefix = `${baseUrl}/files/${params.id ?? ''}/`;
  const upload = state.uploads.find((u) => u.url.startsWith(prefix));
  if (!upload) return { status: 404, body: { statusCode: 404, message: 'File not found' } };
  return { status: 200, raw: { data: upload.data, contentType: upload.contentType } };
}

export const fileRoutes: Route[] = [route('GET', '/files/:id/:name', serveFile)];
