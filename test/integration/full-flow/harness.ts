import { type FakeGhl, type RecordedRequest, startFakeGhl } from '../../support/fakes/ghl-server.ts';
import { type SmtpSink, startSmtpSink } from '../../support/fakes/smtp-sink.ts';
import {
  contactTagUpdatePayload,
  emitWebhook,
  inboundMessagePayload,
} from '../../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../../support/db.ts';
import { eventually, ghlEnv, startTestService, type TestService } from '../../support/service.ts';

export const CALENDAR_ID = 'calFullFlow000001';
export const AGENT_PHONE = '+19095550100';
const DAY = 86_400_000;

/** The one clock the service, the fake GHL's webhook stamps and the lead's texts share. */
export function manualClock(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export interface Flow {
  ghl: FakeGhl;
  sink: SmtpSink;
  tdb: TestDb;
  svc: TestService;
  clock: ReturnType<typeof manualClock>;
  contactId: string;
  /** GHL creates the contact (an ad form) and tells the service with a signed ContactCreate. */
  contactCreated(c: { firstName: string; phone: string; email: string }): Promise<void>;
  /** The lead texts a few minutes after the last message: GHL stores the SMS, then signs and delivers InboundMessage. */
  text(body: string): Promise<string[]>;
  /** `days` pass; the follow-up runner sends what came due. Returns the texts GHL holds for the lead afterwards. */
  passDays(days: number): Promise<string[]>;
  /** Waits until no inbox event and no due outbox action is left. */
  settled(what: string): Promise<void>;
  /** Outbound messages GHL holds for the lead, oldest first. */
  sent(): string[];
  /** CRM calls since the previous call of `calls()` (custom-field set-up left out), see `describeCall`. */
  calls(): string[];
  /** The calls that set up the location's custom fields, all of them. */
  fieldProvisioning(): string[];
  close(): Promise<void>;
}

export async function startFlow(start: string, contactId: string): Promise<Flow> {
  const clock = manualClock(start);
  const ghl = await startFakeGhl({ webhookClock: clock });
  const sink = await startSmtpSink();
  const tdb = await pgliteBackend.open();
  const svc = await startTestService(
    tdb,
    {
      ...ghlEnv(ghl),
      GHL_CALENDAR_ID: CALENDAR_ID,
      SMTP_URL: sink.url,
      SMTP_FROM: 'jorge@example.com',
      AGENT_PHONE,
      FOLLOW_UP_POLL_MS: '100',
    },
    { clock },
  );
  const sent = () =>
    ghl.messages.filter((m) => m.contactId === contactId && m.direction === 'outbound').map((m) => m.body);
  const openWork = async () => {
    const { rows } = await tdb.db.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM inbox WHERE status = 'pending')
            + (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1)
            + (SELECT count(*) FROM follow_ups WHERE status = 'pending' AND due_at <= $1) AS n`,
      [clock.now()],
    );
    return Number(rows[0]?.n ?? 0);
  };
  const settled = (what: string) => eventually(async () => (await openWork()) === 0, 15_000, what);
  const deliver = async (payload: object) => {
    const res = await emitWebhook(`${svc.url}/webhooks/ghl`, payload);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  let mark = 0;
  const names = { [contactId]: '{lead}', [ghl.locationId]: '{location}' };
  return {
    ghl,
    sink,
    tdb,
    svc,
    clock,
    contactId,
    async contactCreated(c) {
      ghl.seedContact({ id: contactId, ...c });
      await deliver({
        ...contactTagUpdatePayload({
          locationId: ghl.locationId,
          contactId,
          tags: [],
          ...c,
          timestamp: clock.now().toISOString(),
        }),
        type: 'ContactCreate',
      });
      await settled('the contact mirrored');
    },
    async text(body) {
      clock.advance(3 * 60_000);
      const before = sent().length;
      const stored = ghl.addInboundMessage({ contactId, body });
      await deliver(
        inboundMessagePayload({
          locationId: ghl.locationId,
          contactId,
          body,
          messageId: stored.id,
          conversationId: stored.conversationId,
          timestamp: clock.now().toISOString(),
        }),
      );
      await settled(`the turn for "${body}"`);
      return sent().slice(before);
    },
    async passDays(days) {
      const before = sent().length;
      clock.advance(days * DAY);
      await settled(`day +${days}`);
      return sent().slice(before);
    },
    settled,
    sent,
    calls() {
      const out = ghl.requests
        .slice(mark)
        .filter((r) => !isFieldProvisioning(r))
        .map((r) => describeCall(r, names));
      mark = ghl.requests.length;
      return byLane(out);
    },
    fieldProvisioning: () => ghl.requests.filter(isFieldProvisioning).map((r) => describeCall(r, names)),
    async close() {
      await svc.stop();
      await tdb.close();
      await ghl.close();
      await sink.close();
    },
  };
}

const KEY_FIELDS = ['type', 'tags', 'title', 'calendarId', 'startTime', 'subject', 'name'] as const;

/** One CRM call as method + path (ids named) + the body fields that say what it did. */
export function describeCall(r: RecordedRequest, names: Record<string, string>): string {
  let path = r.path;
  for (const [id, name] of Object.entries(names)) path = path.split(id).join(name);
  // Contacts the service creates itself (the agent's alert contact) get ids GHL makes up.
  path = path.replace(/\/contacts\/(?!search|upsert|\{)[A-Za-z0-9]{20}(?=\/|$)/, '/contacts/{new}');
  const b = (r.body ?? {}) as Record<string, unknown>;
  const key = KEY_FIELDS.filter((k) => b[k] !== undefined).map((k) => `${k}=${JSON.stringify(b[k])}`);
  return [r.method, path, ...key].join(' ');
}

/**
 * A contact's outbox rows go out in three lanes that run side by side (outbox-repo.ts): tag and
 * field writes, notes and tasks, and everything else (messages, the reads before them, bookings,
 * staff alerts). Their calls are listed lane by lane, each lane in the order it went out.
 */
function byLane(calls: string[]): string[] {
  const lane = (c: string) =>
    /^(?:POST|DELETE) \/contacts\/\{lead\}\/tags|^PUT \/contacts\/\{lead\}$/.test(c)
      ? 0
      : /^POST \/contacts\/\{lead\}\/(?:tasks|notes)/.test(c)
        ? 1
        : 2;
  return calls
    .map((c, i) => ({ c, i, l: lane(c) }))
    .sort((a, b) => a.l - b.l || a.i - b.i)
    .map((x) => x.c);
}

/**
 * The calls that list and create the location's custom fields. They run once per location, beside
 * the contact's own calls rather than in their queue, so their place among those calls is not fixed.
 */
function isFieldProvisioning(r: RecordedRequest): boolean {
  return /^\/locations\/[^/]+\/customFields$/.test(r.path);
}
