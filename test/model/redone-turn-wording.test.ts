import { afterEach, describe, expect, it } from 'vitest';
import { financingRepo } from '../../src/adapters/postgres/financing-repo.ts';
import { CONSERVATIVE_ASSESSMENT } from '../../src/domain/buyer/financial-readiness.ts';
import { SANDBOX_LOCATION_ID } from '../../src/app/locations/sandbox.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import {
  decidedReplyIn,
  delayed,
  answeredAfter,
  type FakeAnthropic,
  type FakeAnthropicRequest,
  type FakeAnthropicStep,
  lastUserText,
  startFakeAnthropic,
} from '../support/fakes/anthropic-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

// A turn decides without the contact's lock and commits only if what it decided on is unchanged;
// otherwise it decides again. Under load the usual change is the financing assessment that the
// lead's previous turn queued, stored while this turn waits for the model. Deciding again must
// not keep the lead waiting for a second wording of the same reply.

const KEY = 'sk-ant-test-key-0015';
const WORDING_MS = 400;
const isExtraction = (req: FakeAnthropicRequest) => req.body.tool_choice !== undefined;
const messageOf = (req: FakeAnthropicRequest) =>
  /<lead_message>\n([\s\S]*?)\n<\/lead_message>/.exec(lastUserText(req.body))?.[1] ?? '';

describe('a turn decided again after its basis moved (fake Anthropic API)', () => {
  let tdb: TestDb;
  let svc: TestService;
  let claude: FakeAnthropic;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await claude?.close();
  });

  it('sends the wording it already has instead of asking the model to word the same reply again', async () => {
    const contactId = 'c-redone-turn';
    const text = 'Hi, I saw your sign, we want to buy a 3 bedroom home in Etiwanda';
    const wordings: { decided: string; at: number }[] = [];
    let stored: Promise<number> | null = null;
    claude = await startFakeAnthropic({ apiKey: KEY });
    claude.onRequest = (req): FakeAnthropicStep => {
      if (isExtraction(req)) return { toolInput: { acts: [], slots: {} } };
      if (messageOf(req) === text) {
        wordings.push({ decided: decidedReplyIn(req) ?? '', at: Date.now() });
        // While the model words the reply, an assessment of the contact's financing is stored
        // (as the outbox does for a buyer's earlier turn): the turn's basis has moved.
        stored ??= financingRepo
          .store(tdb.db, {
            locationId: SANDBOX_LOCATION_ID,
            contactId,
            assessment: CONSERVATIVE_ASSESSMENT,
            serviceError: null,
            at: new Date(),
            requestKey: 'outbox:earlier-turn',
          })
          .then(() => Date.now());
      }
      // The wording comes back only after the assessment is stored (and at least WORDING_MS), so
      // the basis has moved by the time the turn commits, however slow the machine is.
      const worded = delayed(WORDING_MS, { text: `${decidedReplyIn(req) ?? ''} (worded)` });
      return stored ? answeredAfter(stored, worded) : worded;
    };
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: claude.url, MODEL_TURN_TIMEOUT_MS: '15000' },
      { workers: false },
    );

    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, { contactId, message: text });
    expect(res.status).toBe(200);
    const replies = (res.body as { replies: { body: string }[] }).replies.map((r) => r.body);

    // The assessment was in the database before the model answered, so the turn's commit found
    // its basis moved and the turn was decided again.
    expect(stored).not.toBeNull();
    // One wording request for the message, and the lead gets that wording once.
    expect(wordings).toHaveLength(1);
    expect(replies).toEqual([`${wordings[0]!.decided} (worded)`]);
    // The contact's ledger holds the one call that was made.
    const { rows } = await tdb.db.query<{ task: string; outcome: string }>(
      `SELECT task, outcome FROM model_usage WHERE location_id = $1 AND contact_id = $2 AND task <> 'extraction'`,
      [SANDBOX_LOCATION_ID, contactId],
    );
    expect(rows).toEqual([{ task: 'reply', outcome: 'used' }]);
  });
});
