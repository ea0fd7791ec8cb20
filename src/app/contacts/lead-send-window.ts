import { type LeadSendWindow, sendWindowFor } from '../../domain/compliance/quiet-hours.ts';

/**
 * The sending window of a contact as our mirror knows them: address state and ZIP, the number we
 * text, a time zone set in the CRM; `fallbackZone` (TIMEZONE) when none of that says where they are.
 * The conversation's own facts are not used: the address a seller gives is the property's, and
 * many sellers no longer live there.
 */
export function contactSendWindow(
  c: { phone: string | null; timezone: string | null; state: string | null; postal_code: string | null },
  fallbackZone: string,
): LeadSendWindow {
  return sendWindowFor(
    {
      ...(c.state ? { state: c.state } : {}),
      ...(c.postal_code ? { zip: c.postal_code } : {}),
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.timezone ? { timeZone: c.timezone } : {}),
    },
    fallbackZone,
  );
}
