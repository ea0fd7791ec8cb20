import type { Channel } from '../../domain/conversation.ts';
import { emailText } from './email-text.ts';

export interface InboundText {
  /** What the bot reads and the transcript shows: at most the cap. */
  body: string;
  /** Length of the text before it was cut to the cap (absent when nothing was cut). */
  truncatedFrom?: number;
}

/** Cuts `text` to `max` characters (UTF-16 units) without splitting a surrogate pair. */
export function capText(text: string, max: number): InboundText {
  if (text.length <= max) return { body: text };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { body: text.slice(0, end).trimEnd(), truncatedFrom: text.length };
}

/** What an inbound SMS or email says, as the bot should read it, capped at `maxChars`. */
export function inboundText(channel: Channel, raw: string, maxChars: number | undefined): InboundText {
  const text = channel === 'Email' ? emailText(raw) : raw;
  return maxChars === undefined ? { body: text } : capText(text, maxChars);
}
