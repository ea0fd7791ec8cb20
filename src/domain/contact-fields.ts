/** A custom field value as the bots write it. */
export type FieldValue = string | number | string[];

// Every custom field the bots and escalations write on a contact: the one list. A CRM location
// has none of them until they are created, so the service creates the missing ones (by this list)
// before it writes any; `setField` accepts only these keys.

/** The CRM field types these values need, by GHL's names (TEXT and LARGE_TEXT hold strings, the others numbers). */
export type ContactFieldType = 'TEXT' | 'LARGE_TEXT' | 'NUMERICAL' | 'MONETORY';

export interface ContactFieldSpec {
  /** Written as `contact.<key>` in the CRM. */
  readonly key: string;
  /** What a person sees in the CRM. */
  readonly name: string;
  readonly dataType: ContactFieldType;
}

export const CONTACT_FIELDS = [
  { key: 'lead_score', name: 'Lead Score', dataType: 'NUMERICAL' },
  { key: 'needs_human_review', name: 'Needs Human Review', dataType: 'TEXT' },
  { key: 'disqualified_reason', name: 'Disqualified Reason', dataType: 'TEXT' },
  // Seller
  { key: 'property_address', name: 'Property Address', dataType: 'TEXT' },
  { key: 'seller_motivation', name: 'Seller Motivation', dataType: 'TEXT' },
  { key: 'timeline_acceptable', name: 'Timeline Acceptable', dataType: 'TEXT' },
  { key: 'property_condition', name: 'Property Condition', dataType: 'TEXT' },
  { key: 'price_expectation', name: 'Price Expectation', dataType: 'MONETORY' },
  { key: 'questions_answered', name: 'Questions Answered', dataType: 'NUMERICAL' },
  { key: 'offer_type', name: 'Offer Type', dataType: 'TEXT' },
  // Buyer
  { key: 'budget_min', name: 'Budget Min', dataType: 'MONETORY' },
  { key: 'budget_max', name: 'Budget Max', dataType: 'MONETORY' },
  { key: 'pre_approval_status', name: 'Pre-Approval Status', dataType: 'TEXT' },
  { key: 'beds', name: 'Beds', dataType: 'NUMERICAL' },
  { key: 'areas', name: 'Areas', dataType: 'TEXT' },
  { key: 'timeline', name: 'Timeline', dataType: 'TEXT' },
  { key: 'must_haves', name: 'Must Haves', dataType: 'LARGE_TEXT' },
  { key: 'matching_homes', name: 'Matching Homes', dataType: 'NUMERICAL' },
] as const satisfies readonly ContactFieldSpec[];

export type ContactFieldKey = (typeof CONTACT_FIELDS)[number]['key'];

/** Values of contact fields by key: only keys of the list. */
export type ContactFields = Partial<Record<ContactFieldKey, FieldValue>>;

const KEYS: ReadonlySet<string> = new Set(CONTACT_FIELDS.map((f) => f.key));

export const isContactFieldKey = (key: string): key is ContactFieldKey => KEYS.has(key);
