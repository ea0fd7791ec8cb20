import { compile } from 'html-to-text';
import type { OutboundMatch } from '../../ports.ts';
import { type GhlRequest, ghlVersions } from './http.ts';
import { asArray, asObj, optString, seg } from './read.ts';

// GHL's message list carries no body for an email (issue #40 on GoHighLevel/highlevel-api-docs):
// an email item has its type, direction, date and `meta.email.messageIds`. Whether one of them is
// the email we meant to send is read from `GET /conversations/messages/email/{id}`.

type Call = <T>(req: GhlRequest) => Promise<T>;

/** Email message ids read per listed email; a list item may stand for a whole thread. */
const emailsPerItem = 5;

const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
  ],
});
const SPACES = /\s+/g;

/** The words of an email body, markup and layout left out, for comparing what GHL stored with ours. */
export function comparableText(s: string): string {
  return toText(s).replace(SPACES, ' ').trim().toLowerCase();
}

/** True for an item of the message list that is an email (REST `type` 3, `messageType` TYPE_EMAIL). */
export function isEmailItem(m: Record<string, unknown>): boolean {
  return m.messageType === 'TYPE_EMAIL' || m.type === 3;
}

function emailIdsOf(m: Record<string, unknown>): string[] {
  const ids = asArray(asObj(asObj(m.meta).email).messageIds)
    .map(optString)
    .filter((id): id is string => id !== undefined);
  // Newest last in GHL's example; the email just sent is the one wanted.
  return ids.slice(-emailsPerItem);
}

/** True when a stored email is the one described: ours (outbound), same subject, our words in it. */
function sameEmail(email: Record<string, unknown>, texts: string[], match: OutboundMatch): boolean {
  if (email.direction !== undefined && email.direction !== 'outbound') return false;
  if (match.subject !== undefined && (optString(email.subject) ?? '').trim() !== match.subject.trim()) {
    return false;
  }
  const stored = comparableText(optString(email.body) ?? '');
  // GHL may add a footer (unsubscribe link, signature) around the text it was given.
  return stored !== '' && texts.some((t) => t !== '' && stored.includes(t));
}

/**
 * Confirms a listed outbound email by reading each of its email messages. Returns true when one is
 * the email with `bodies` (text and/or html) and the subject of `match`.
 */
export async function confirmEmail(
  call: Call,
  locationId: string,
  item: Record<string, unknown>,
  bodies: string[],
  match: OutboundMatch,
): Promise<boolean> {
  const texts = bodies.map(comparableText);
  for (const id of emailIdsOf(item)) {
    const res = await call<unknown>({
      op: 'getEmail',
      method: 'GET',
      path: `/conversations/messages/email/${seg(id)}`,
      version: ghlVersions.conversations,
      locationId,
    });
    // Flat in the spec (GetEmailMessageResponseDto); single-message reads were seen wrapped too.
    const body = asObj(res);
    const email = asObj(body.emailMessage ?? body.message ?? body);
    if (sameEmail(email, texts, match)) return true;
  }
  return false;
}
