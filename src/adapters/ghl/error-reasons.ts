/**
 * GHL's error bodies are NestJS bodies whose `message` (a string or a list) sometimes repeats what
 * was sent: a contact's name, address or phone. Logs and stored errors keep a vendor message only
 * when it has the shape of one of GHL's fixed reasons, whose variable parts are ids, field names,
 * channels or sizes; any other message is withheld and only counted. Shapes from GHL's API answers
 * (shared/reference/ghl-api-v2.md) and class-validator, which GHL's DTO validation uses.
 */
const KNOWN_REASONS: readonly RegExp[] = [
  /^Invalid token(?:: [a-z ]{1,60})?\.?$/i,
  /^version header (?:was not found|is invalid)\.?$/i,
  /^The token does not have access to this location\.?$/i,
  /^The token is not authorized for this scope\.?$/i,
  /^Cannot send message as DND is active for [A-Za-z]{1,20}\.?$/,
  /^(?:Contact|Conversation|Calendar|Appointment|Event|Location|User|Opportunity|Pipeline|Task|Note|File|Message|Custom ?field)(?: with (?:id|key) [\w-]{1,64})? not found\.?$/i,
  /^Custom ?field with key [\w-]{1,64} already exists\.?$/i,
  /^property [\w.]{1,64} should not exist$/,
  /^[\w.]{1,64} (?:must|should) (?:not )?(?:be|contain|match)[a-zA-Z0-9 ,'-]{0,80}$/,
  /^File (?:type \.\w{1,10} is not supported|size exceeds the \d{1,4} MB limit)$/,
  /^(?:Too Many Requests|Internal server error|Unauthorized|Forbidden|Bad Request)\.?$/i,
  /^Multipart: Boundary not found$/,
  /^Cannot (?:GET|POST|PUT|DELETE|PATCH) \/[\w/.-]{0,160}$/,
];

const MAX_ITEMS = 10;

/** The vendor message reduced to GHL's fixed reasons; "" when none is known. */
export function knownReasons(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const { message } = body as { message?: unknown };
  const items = (Array.isArray(message) ? message : [message])
    .slice(0, MAX_ITEMS)
    .filter((m): m is string => typeof m === 'string' && m.trim() !== '')
    .map((m) => m.trim());
  const kept = items.filter((m) => m.length <= 240 && KNOWN_REASONS.some((r) => r.test(m)));
  const withheld = items.length - kept.length;
  return [...kept, ...(withheld > 0 ? [`${withheld} detail${withheld > 1 ? 's' : ''} withheld`] : [])].join(
    '; ',
  );
}
