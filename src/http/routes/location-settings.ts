import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LocationSettingsStore, LocationSettingsView } from '../../app/locations/location-settings.ts';
import { LOCATION_SETTING_KEYS, type LocationSettingKey } from '../../domain/location-settings.ts';
import type { HttpDeps } from '../deps.ts';
import { errorBodySchema } from '../errors.ts';

// GHL ids (locations, calendars, users) are short runs of letters and digits; '-' and '_' are
// allowed for ids of our own such as `sandbox`.
const GHL_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Names go into texts to leads: one line, no control characters.
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

const id = (what: string) =>
  z.string().regex(GHL_ID, `must be a GHL ${what} id (letters, digits, '-' or '_', at most 64)`);
const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty (send null to use the default)')
    .max(max, `must be at most ${max} characters`)
    .regex(ONE_LINE, 'must be one line without control characters');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical name ("america/chicago" → "America/Chicago"), as GHL expects it. */
const canonicalZone = (tz: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;

const valueSchemas = {
  calendarId: id('calendar'),
  assignedUserId: id('user'),
  agentName: name(60),
  assistantName: name(40),
  brokerage: name(60),
  licenseNumber: name(30),
  market: name(100),
  timezone: z
    .string()
    .trim()
    .refine(isTimeZone, { message: 'must be an IANA time zone such as America/Los_Angeles' }),
} satisfies Record<LocationSettingKey, z.ZodType>;

const descriptions: Record<LocationSettingKey, string> = {
  calendarId: 'GHL calendar that offers free slots and takes bookings (default GHL_CALENDAR_ID)',
  assignedUserId: 'GHL user that appointments and tasks are assigned to (default GHL_ASSIGNED_USER_ID)',
  agentName: 'the agent the bots write for (default AGENT_NAME)',
  assistantName: "the assistant's own name in its introduction (default ASSISTANT_NAME)",
  brokerage: "the agent's brokerage (default BROKERAGE)",
  licenseNumber: "the agent's license number (default AGENT_LICENSE_NUMBER)",
  market: 'the market the agent serves (default MARKET)',
  timezone: 'IANA time zone for scheduling and quiet hours when a lead gives none (default TIMEZONE)',
};

const bodySchema = z
  .object(
    Object.fromEntries(
      LOCATION_SETTING_KEYS.map((k) => [k, valueSchemas[k].nullable().optional().describe(descriptions[k])]),
    ) as { [K in LocationSettingKey]: z.ZodOptional<z.ZodNullable<(typeof valueSchemas)[K]>> },
  )
  .strict();

const nullableStrings = z.object(
  Object.fromEntries(LOCATION_SETTING_KEYS.map((k) => [k, z.string().nullable()])) as Record<
    LocationSettingKey,
    z.ZodNullable<z.ZodString>
  >,
);
const viewSchema = z.object({
  locationId: z.string(),
  settings: nullableStrings.describe('what the location works with: its stored value, else the default'),
  sources: z
    .object(
      Object.fromEntries(
        LOCATION_SETTING_KEYS.map((k) => [k, z.enum(['location', 'default', 'unset'])]),
      ) as Record<
        LocationSettingKey,
        z.ZodEnum<{ location: 'location'; default: 'default'; unset: 'unset' }>
      >,
    )
    .describe("location: stored for this location; default: the environment's value; unset: none"),
  stored: nullableStrings.describe('only the values stored for this location'),
  updatedAt: z.string().nullable(),
});
const params = z.object({ locationId: id('location') });

function present(v: LocationSettingsView): z.infer<typeof viewSchema> {
  const effective: Record<LocationSettingKey, string | undefined> = {
    ...v.persona,
    calendarId: v.calendarId,
    assignedUserId: v.assignedUserId,
  } as Record<LocationSettingKey, string | undefined>;
  const pick = (from: Partial<Record<LocationSettingKey, string | undefined>>) =>
    Object.fromEntries(LOCATION_SETTING_KEYS.map((k) => [k, from[k] ?? null])) as Record<
      LocationSettingKey,
      string | null
    >;
  return {
    locationId: v.locationId,
    settings: pick(effective),
    sources: v.sources,
    stored: pick(v.stored),
    updatedAt: v.updatedAt?.toISOString() ?? null,
  };
}

const errors = { 400: errorBodySchema, 401: errorBodySchema };

/**
 * GET   /api/v1/locations/:locationId/settings   effective settings and where each comes from
 * PUT   /api/v1/locations/:locationId/settings   replace the stored settings (keys left out: default)
 * PATCH /api/v1/locations/:locationId/settings   change some (null: back to the default)
 * Any well-formed location id is accepted, so a location can be set up before its first event.
 */
export async function locationSettingsRoutes(
  app: FastifyInstance,
  deps: Pick<HttpDeps, 'clock'> & { locationSettings: LocationSettingsStore },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/v1/locations/:locationId/settings';
  r.get(
    path,
    {
      schema: {
        summary: "A location's settings: stored values over the environment's defaults",
        tags: ['locations'],
        params,
        response: { 200: viewSchema, ...errors },
      },
    },
    async (req) => present(await deps.locationSettings.read(req.params.locationId)),
  );
  for (const [method, replace] of [
    ['put', true],
    ['patch', false],
  ] as const) {
    r[method](
      path,
      {
        schema: {
          summary: replace
            ? "Replace a location's stored settings; keys left out use the defaults"
            : "Change some of a location's settings; null puts one back to the default",
          tags: ['locations'],
          params,
          body: bodySchema,
          response: { 200: viewSchema, ...errors },
        },
      },
      async (req) =>
        present(
          await deps.locationSettings.write(
            req.params.locationId,
            typeof req.body.timezone === 'string'
              ? { ...req.body, timezone: canonicalZone(req.body.timezone) }
              : req.body,
            {
              replace,
              at: deps.clock.now(),
            },
          ),
        ),
    );
  }
}
