import { afterEach, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { postJson } from '../support/service.ts';
import { AGENT_PHONE, CALENDAR_ID, type Flow, startFlow } from './full-flow/harness.ts';

// One lead who sells and then buys, start to end, through signed webhooks from the fake GHL to the
// real service, on a clock the test moves. Each step checks what the lead read and every call the
// service made to GHL since the step before, each outbox lane in order (harness.ts, byLane).

const START = '2026-11-23T17:55:00Z'; // 9:55 am in Rancho Cucamonga, a Monday
const DAY = 86_400_000;
const RECORD = process.env.FULL_FLOW_RECORD === '1';

describe('full flow: Lead → Seller (HOT, booked) → Buyer, with follow-ups and an opt-out', () => {
  let flow: Flow | undefined;
  afterEach(async () => {
    await flow?.close();
    flow = undefined;
  });

  it('answers, books, hands off, follows up through day 30 and stops on STOP', async () => {
    const f = await startFlow(START, 'ffLeadMaria000000001');
    flow = f;
    const expectCalls = (step: string, expected: string[]) => {
      const actual = f.calls();
      if (RECORD) {
        console.log(`RECORDED ${JSON.stringify({ step, actual })}`);
        return;
      }
      expect(actual, step).toEqual(expected);
    };
    await f.contactCreated({ firstName: 'Maria', phone: '+19095550177', email: 'maria.g@example.com' });
    expectCalls('contact created', []);

    // Lead → Seller: both sides in the first text; the address makes selling the first job.
    let got = await f.text(
      'hi! saw ur sign on base line. we need to sell our place at 6842 Etiwanda Ave and buy something bigger',
    );
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/30 to 45 days/);
    expectCalls('first text', [
      'PUT /contacts/{lead}',
      'POST /contacts/{lead}/tags tags=["Seller-Lead","Handoff-Lead-to-Seller","Cold-Lead","Cold-Seller"]',
      'GET /contacts/{lead}',
      'POST /conversations/messages type="SMS"',
    ]);

    got = await f.text('prob not that fast, more like spring');
    expect(got[0]).toMatch(/condition/);
    expectCalls('timeline', [
      'PUT /contacts/{lead}',
      'DELETE /contacts/{lead}/tags tags=["Cold-Lead","Cold-Seller"]',
      'POST /contacts/{lead}/tags tags=["Warm-Lead","Warm-Seller"]',
      'POST /conversations/messages type="SMS"',
    ]);

    // A question answered from the knowledge base, then the seller question is still open.
    got = await f.text('are you guys licensed?');
    expect(got[0]).toMatch(/licensed real estate agent/);
    expectCalls('knowledge base', ['PUT /contacts/{lead}', 'POST /conversations/messages type="SMS"']);

    // An escalation: one holding message, a task, a note, the tag, an alert to the agent.
    got = await f.text('can i just talk to jorge directly');
    expect(got).toEqual(["Let me get Jorge on this, he'll reach out today."]);
    expectCalls('escalation', [
      'PUT /contacts/{lead}',
      'POST /contacts/{lead}/tags tags=["Escalation"]',
      'POST /contacts/{lead}/tasks title="Needs Jorge: asked for a person"',
      'POST /contacts/{lead}/notes',
      'GET /calendars/calFullFlow000001',
      'POST /conversations/messages type="SMS"',
      'GET /contacts/search/duplicate',
      'POST /contacts/upsert name="Jorge (alerts)"',
      'POST /contacts/{new}/tags tags=["staff-alerts"]',
      'POST /conversations/messages type="SMS"',
    ]);
    const open = (await (
      await fetch(`${f.svc.url}/api/v1/escalations?status=open&contactId=${f.contactId}`)
    ).json()) as { escalations: { id: string }[] };
    expect(open.escalations).toHaveLength(1);
    expect(open.escalations[0]).toMatchObject({ reason: 'human_request', kind: 'human_review' });
    const alert = f.ghl.messages.filter((m) => m.contactId !== f.contactId);
    expect(alert).toHaveLength(1);
    expect(f.ghl.contacts.get(alert[0]!.contactId)?.phone).toBe(AGENT_PHONE);

    // Jorge called her and resolves it through the API: the tag goes, the bot resumes.
    const resolved = await postJson(`${f.svc.url}/api/v1/escalations/${open.escalations[0]!.id}/resolve`, {
      note: 'Called Maria, she wants the bot to keep going with the details',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', botResumed: true });
    await f.settled('the resolution');
    expectCalls('resolution', [
      'PUT /contacts/{lead}',
      'DELETE /contacts/{lead}/tags tags=["Escalation"]',
      'POST /contacts/{lead}/notes',
    ]);

    got = await f.text('its in good shape, kitchen is kinda dated');
    expect(got[0]).toMatch(/price/);
    expectCalls('condition', ['PUT /contacts/{lead}', 'POST /conversations/messages type="SMS"']);

    // She goes quiet: day 3, 7, 14 (the CMA by email with the PDF) and 30.
    got = await f.passDays(3);
    expect(got).toHaveLength(1);
    expectCalls('day 3', ['POST /conversations/messages type="SMS"']);
    got = await f.passDays(4);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/\$\d+k/);
    expectCalls('day 7', [
      'POST /contacts/{lead}/tasks title="Call Maria: day 7 follow-up"',
      'GET /calendars/calFullFlow000001',
      'POST /conversations/messages type="SMS"',
    ]);
    expect(f.sink.messages).toHaveLength(0);
    got = await f.passDays(7);
    expect(got).toEqual([]);
    expectCalls('day 14', []);
    expect(f.sink.messages).toHaveLength(1);
    const mail = f.sink.messages[0]!;
    expect(mail.to).toEqual(['maria.g@example.com']);
    expect(mail.subject).toBe('Your Comparative Market Analysis for 6842 Etiwanda Ave');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments![0]!.contentType).toBe('application/pdf');
    expect(await pdfText(mail.attachments![0]!.content)).toMatch(/6842 Etiwanda/);
    got = await f.passDays(16);
    expect(got).toHaveLength(1);
    expectCalls('day 30', ['POST /conversations/messages type="SMS"']);

    // Back, and HOT now: three real free slots of the calendar, she picks one.
    const slotsFrom = f.clock.now().getTime() + 2 * DAY;
    f.ghl.setFreeSlots(
      CALENDAR_ID,
      [0, 1, 2, 3].map((d) =>
        new Date(Math.floor(slotsFrom / DAY) * DAY + d * DAY + 18 * 3_600_000).toISOString(),
      ),
    );
    got = await f.text(
      'sorry been crazy. my husbands job transfer came thru so 30-45 days works now. we want like 650',
    );
    expect(got[0]).toMatch(/1\).*2\).*3\)/);
    expectCalls('hot', [
      'PUT /contacts/{lead}',
      'DELETE /contacts/{lead}/tags tags=["Warm-Lead","Warm-Seller"]',
      'POST /contacts/{lead}/tags tags=["Hot-Lead","Hot-Seller","Seller-Qualified"]',
      'GET /calendars/calFullFlow000001/free-slots',
      'POST /conversations/messages type="SMS"',
    ]);

    // Booked on the calendar, and in the same reply the Buyer bot takes the purchase side. The
    // contact stays a hot lead (its sale is booked) while the purchase side is warm.
    got = await f.text('2');
    expect(got[0]).toMatch(/You're set for/);
    expectCalls('booked and handed off', [
      'PUT /contacts/{lead}',
      'POST /contacts/{lead}/tags tags=["Appointment-Booked","Buyer-Lead","Handoff-Seller-to-Buyer","Warm-Buyer","Buyer-Qualified"]',
      'POST /contacts/{lead}/tasks title="Listing appointment: Sat Dec 26 10am"',
      'POST /contacts/{lead}/tasks title="Review buyer financing"',
      'GET /calendars/calFullFlow000001',
      'POST /calendars/events/appointments title="Listing appointment (booked by text)" calendarId="calFullFlow000001" startTime="2026-12-26T10:00:00-08:00"',
      'POST /conversations/messages type="SMS"',
    ]);
    expect(f.ghl.appointments).toHaveLength(1);
    expect(f.ghl.appointments[0]).toMatchObject({ calendarId: CALENDAR_ID, contactId: f.contactId });
    // The Buyer bot starts from what the Seller bot learned: it asks the budget, not the timeline.
    expect(got[0]).toMatch(/price range/);
    expect(got[0]).not.toMatch(/when|timeline|how soon/i);

    got = await f.text('around 800k, 4 bed, a pool would be nice');
    expect(got[0]).toMatch(/homes? fit/);
    expectCalls('buyer matched', [
      'PUT /contacts/{lead}',
      'POST /contacts/{lead}/notes',
      'POST /conversations/messages type="SMS"',
    ]);

    // Both sides' facts sit on the contact in GHL: the sale's address and price, the purchase's budget.
    expect(fieldsOf(f)).toMatchObject({
      'Property Address': expect.stringMatching(/6842 Etiwanda Ave/),
      'Price Expectation': 650000,
      'Budget Max': 800000,
      Beds: 4,
    });
    expect(f.ghl.contacts.get(f.contactId)?.tags).toEqual(
      expect.arrayContaining([
        'seller-lead',
        'buyer-lead',
        'handoff-lead-to-seller',
        'handoff-seller-to-buyer',
      ]),
    );

    // STOP ends it: one confirmation, the tags, and nothing after it, follow-ups included.
    got = await f.text('STOP');
    expect(got).toEqual(["You're unsubscribed and won't get more messages from us."]);
    expectCalls('stop', [
      'POST /contacts/{lead}/tags tags=["TCPA-Opt-Out","AI-Off"]',
      'POST /conversations/messages type="SMS"',
    ]);
    got = await f.passDays(31);
    expect(got).toEqual([]);
    got = await f.text('also is the pool house one still available');
    expect(got).toEqual([]);
    expectCalls('after stop', [
      'POST /contacts/{lead}/tasks title="Lead wrote while the assistant is silent"',
    ]);

    // The location's custom fields: listed once, then each one the bots write created once.
    const provisioning = f.fieldProvisioning();
    expect(provisioning[0]).toBe('GET /locations/{location}/customFields');
    expect(provisioning.filter((c) => c.startsWith('GET'))).toHaveLength(1);
    expect(new Set(provisioning).size).toBe(provisioning.length);
    expect(provisioning).toContain('POST /locations/{location}/customFields name="Price Expectation"');
  }, 90_000);
});

/** The lead's custom fields in GHL by field name. */
function fieldsOf(f: Flow): Record<string, unknown> {
  const contact = f.ghl.contacts.get(f.contactId)!;
  return Object.fromEntries(
    contact.customFields.map((c) => [f.ghl.customFieldDefs.get(c.id)?.name ?? c.id, c.value]),
  );
}
