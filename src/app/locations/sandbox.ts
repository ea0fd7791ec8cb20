/** The location id the sandbox API uses; its CRM actions always go to the sandbox CRM. */
export const SANDBOX_LOCATION_ID = 'sandbox';
