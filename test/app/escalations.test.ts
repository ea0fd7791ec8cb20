import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService, ghlEnv } from '../support/service.ts';

const AGENT_PHONE = '+19095550111';
const AGENT_EMAIL = 'jorge.agent@example.com';

describe('escalation to human review on the live path', () => {
  let tdb: TestDb;
  let svc: TestService;
  const say = (contactId: string, message: string, tags?: string[]) =>
    postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message, ...(tags ? { tags } : {}) });
  const records = async (contactId: string, kind: string) =>
    (
      await tdb.db.query<{ payload: Record<string, any> }>(
        `SELECT payload FROM sandbox_crm_records WHERE contact_id = $1 AND kind = $2 ORDER BY id`,
        [contactId, kind],
      )
    ).rows.map((r) => r.payload);

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      AGENT_PHONE,
      AGENT_EMAIL,
      COMPLIANCE_OFFICER_EMAIL: 'compliance@example.com',
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('"can I talk to Jorge" → holding message, escalation, task, note, tag, field, agent SMS + email; then quiet until resolved', async () => {
    await say('esc-1', 'Hi, I want to sell my house');
    const r = await say('esc-1', 'Can I talk to Jorge directly please?');
    expect(r.body.replies).toHaveLength(1);
    expect(r.body.replies[0].body).toMatch(/Jorge/);
    expect(r.body.escalations).toHaveLength(1);
    expect(r.body.escalations[0]).toMatchObject({
      kind: 'human_review',
      status: 'open',
      reason: 'human_request',
    });
    expect(r.body.tags).toContain('Escalation');
    expect(r.body.fields).toMatchObject({ needs_human_review: 'yes' });
    expect((await records('esc-1', 'task')).some((t) => /Needs Jorge/.test(t.title))).toBe(true);
    expect(
      (await records('esc-1', 'note')).some(
        (n) => /Escalated to human review/.test(n.body) && /sell my house/.test(n.body),
      ),
    ).toBe(true);
    const alerts = (
      await tdb.db.query<{ payload: Record<string, any> }>(
        `SELECT payload FROM sandbox_crm_records WHERE kind = 'staff_notification'`,
      )
    ).rows.map((x) => x.payload);
    expect(alerts.map((a) => [a.channel, a.to])).toEqual(
      expect.arrayContaining([
        ['SMS', AGENT_PHONE],
        ['Email', AGENT_EMAIL],
      ]),
    );

    const quiet = await say('esc-1', 'hello? anyone there?');
    expect(quiet.body.replies).toEqual([]);

    const id = r.body.escalations[0].id;
    const list = (await (await fetch(`${svc.url}/api/v1/escalations?status=open`)).json()) as Record<
      string,
      any
    >;
    expect(list.escalations.map((e: { id: string }) => e.id)).toContain(id);
    const resolved = await postJson(`${svc.url}/api/v1/escalations/${id}/resolve`, {
      note: 'Called her, she will list in spring',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', botResumed: true });
    expect((await postJson(`${svc.url}/api/v1/escalations/${id}/resolve`, {})).status).toBe(409);
    expect((await postJson(`${svc.url}/api/v1/escalations/esc_nope/resolve`, {})).status).toBe(404);
    const back = await say('esc-1', 'ok thanks, what else do you need from me?');
    expect(back.body.replies).toHaveLength(1);
    expect(back.body.tags).not.toContain('Escalation');
  });

  it.each([
    ['distress words', 'The bank started foreclosure on us, we need to sell fast', 'distress:foreclosure'],
    [
      'another agent asking about co-op compensation',
      "I'm an agent with a buyer, what's the co-op",
      'commission',
    ],
    [
      'a property above the value threshold',
      'I want to sell my estate, hoping for 6.5 million',
      'high_value',
    ],
  ])('escalates on %s', async (_name, message, reason) => {
    const id = `esc-${reason.replace(/\W/g, '')}`;
    const r = await say(id, message);
    expect(r.body.escalations.map((e: { reason: string }) => e.reason)).toContain(reason);
    expect(r.body.replies).toHaveLength(1);
    expect((await say(id, 'hello?')).body.replies).toEqual([]);
  });

  it('a STOP from the phone of someone who died: condolences, unsubscribed, and the agent told why', async () => {
    const r = await say(
      'esc-bereaved',
      "This was my mother's phone. She passed away in October. Please stop texting this number.",
    );
    expect(r.body.replies.map((x: { body: string }) => x.body)).toEqual([
      "I'm so sorry for your loss. You're unsubscribed and won't get more messages from us.",
    ]);
    expect(r.body.tags).toContain('TCPA-Opt-Out');
    expect(r.body.escalations.map((e: { reason: string }) => e.reason)).toEqual(['bereaved_opt_out']);
    const alerts = (
      await tdb.db.query<{ payload: Record<string, any> }>(
        `SELECT payload FROM sandbox_crm_records WHERE kind = 'staff_notification'`,
      )
    ).rows.map((x) => x.payload);
    expect(alerts.map((a) => a.subject)).toContain(
      'Lead needs you: opted out: the texts reached someone who died',
    );
    expect(alerts.map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^Jorge Bots: a lead needs you \(opted out: the texts reached someone who died\)/,
      ),
    );
    expect((await say('esc-bereaved', 'thank you')).body.replies).toEqual([]);
  });

  it('escalates after three misunderstandings in a row', async () => {
    await say('esc-mis', 'hi');
    for (const m of ['blorp', 'the purple one', 'zzz qqq']) await say('esc-mis', m);
    const c = (await (await fetch(`${svc.url}/api/v1/contacts/esc-mis`)).json()) as Record<string, any>;
    expect(c.escalations.map((e: { reason: string }) => e.reason)).toContain('misunderstood');
  });

  it('escalates after five evasive seller answers', async () => {
    await say('esc-ev', 'I want to sell', ['Seller-Lead']);
    let last: Record<string, any> = {};
    for (const m of ['maybe', 'idk', 'k', 'not sure', 'whatever']) last = (await say('esc-ev', m)).body;
    expect(last.escalations.map((e: { reason: string }) => e.reason)).toContain('evasive');
  });

  it('opens a compliance ticket with append-only evidence and pauses the bot until resolved', async () => {
    const r = await say('cmp-1', 'Only show me neighborhoods without Black families');
    expect(r.body.replies[0].body).toMatch(/fair housing/i);
    expect(r.body.tags).toContain('Compliance-Alert');
    const ticket = r.body.escalations.find((e: { kind: string }) => e.kind === 'compliance');
    expect(ticket).toMatchObject({ status: 'open', reason: expect.stringMatching(/^fair_housing/) });
    expect((await say('cmp-1', 'so what homes do you have?')).body.replies).toEqual([]);
    const tickets = (await (
      await fetch(`${svc.url}/api/v1/compliance/tickets?type=fair_housing`)
    ).json()) as Record<string, any>;
    const t = tickets.tickets.find((x: { id: string }) => x.id === ticket.id);
    expect(t.evidence[0]).toMatchObject({ kind: 'violation', rule: 'fair_housing_request', reply: 'sent' });
    expect(t.evidence[0].text).toContain('without Black families');
    await expect(
      tdb.db.query(`DELETE FROM compliance_evidence WHERE ticket_id = $1`, [ticket.id]),
    ).rejects.toThrow(/append-only/);
    const done = await postJson(`${svc.url}/api/v1/compliance/tickets/${ticket.id}/resolve`, {
      note: 'Reviewed; reply was correct',
    });
    expect(done.body).toMatchObject({ botResumed: true });
    expect((await say('cmp-1', 'ok, 3 bedrooms under 700k please')).body.replies).toHaveLength(1);
  });
});

describe('an escalation while GHL is down is queued and delivered later', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      AGENT_PHONE,
      OUTBOX_RETRY_BASE_MS: '300',
      BREAKER_HALF_OPEN_MS: '1000',
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('keeps the escalation and retries its CRM steps until GHL answers', async () => {
    const contactId = 'ghldown0000000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550150' });
    ghl.failNext({ path: /.*/, status: 503, times: 6 });
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: 'I need to talk to a real person',
      }),
    );
    expect(res.status).toBe(200);
    await eventually(
      async () =>
        (await tdb.db.query(`SELECT 1 FROM escalations WHERE contact_id = $1`, [contactId])).rows.length ===
        1,
      10_000,
      'the escalation record',
    );
    await eventually(() => (ghl.tasks.get(contactId) ?? []).length > 0, 60_000, 'the task once GHL recovers');
    await eventually(
      () => ghl.messages.some((m) => m.contactId === contactId),
      30_000,
      'the holding message',
    );
    expect(ghl.messages.filter((m) => m.contactId === contactId)).toHaveLength(1);
  }, 90_000);
});
