/** The channels GHL keeps a do-not-disturb setting for (`dndSettings`). */
export type DndChannelName = 'SMS' | 'Email' | 'WhatsApp' | 'GMB' | 'FB' | 'Call';

// GHL keeps do-not-disturb per channel (`dndSettings`: SMS, Email, WhatsApp, GMB, FB, Call, each
// {status: active | inactive | permanent}) beside a global `dnd` flag. Real contacts and
// ContactDndUpdate payloads carry `dnd: true` with every channel inactive, so the flag alone says
// nothing about a channel: a channel's own setting decides.

export type DndSettings = Partial<Record<DndChannelName, { status?: string | null } | null | undefined>>;

const BLOCKING = new Set(['active', 'permanent']);

/**
 * Whether GHL's settings put this channel in do-not-disturb. A channel's own setting decides; only
 * when the contact has no per-channel setting at all does the global flag stand for every channel
 * (ASSUMPTION: older contacts and payloads without `dndSettings`).
 */
export function channelInDnd(
  contact: { dnd?: boolean | null; dndSettings?: DndSettings | null },
  channel: DndChannelName,
): boolean {
  const settings = contact.dndSettings ?? {};
  const own = settings[channel];
  if (own?.status) return BLOCKING.has(own.status);
  const anyChannel = Object.values(settings).some((s) => !!s?.status);
  return anyChannel ? false : contact.dnd === true;
}
