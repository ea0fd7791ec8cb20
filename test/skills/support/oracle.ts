import type { BotName } from '../../../src/domain/conversation.ts';
import { en } from '../../../src/domain/templates/en.ts';
import { es } from '../../../src/domain/templates/es.ts';
import type { CorpusCall } from './corpus.ts';

// The coverage oracle: which skills a model call needs, worked out from the bot's decision alone
// (its bot, language, audit events, escalation, stage, and the wording its reply is made of),
// without the cues or the front-matter that Progressive Skills selects by. A call whose needed
// skill the selection left out is a loss.

const PLAYBOOK: Record<BotName, string> = {
  lead: 'lead-playbook',
  seller: 'seller-playbook',
  buyer: 'buyer-playbook',
};

const COMPLIANCE_EVENTS = [
  'tcpa_opt_out',
  'tcpa_opt_in',
  'ai_disclosure',
  'fair_housing_request',
  'respa_offer',
  'ccpa_request',
  'harassment',
  'outbound_blocked',
  'prompt_injection_ignored',
];

/** Wording keys and the skills a reply made of them needs. */
const BY_KEY: Record<string, string[]> = {
  // Worded like the holding message, and meaning the same: a person takes over.
  'compliance.human': ['escalations'],
  'escalation.holding': ['escalations'],
  'lead.commission': ['escalations'],
  'seller.evasive_close': ['escalations', 'objection-handling', 'seller-playbook'],
  'seller.anchoring': ['objection-handling', 'seller-playbook'],
  'seller.changed_mind': ['objection-handling', 'seller-playbook'],
  'buyer.market_timing': ['objection-handling', 'market-facts', 'buyer-playbook'],
  'buyer.matches_many': ['market-facts', 'buyer-playbook'],
  'buyer.matches_one': ['market-facts', 'buyer-playbook'],
  'buyer.matches_none': ['market-facts', 'buyer-playbook'],
  'lead.greet': ['lead-playbook'],
  'lead.ask_intent': ['lead-playbook'],
  'lead.ask_first': ['lead-playbook'],
};
/** For keys not listed above: the skill their family needs. */
const BY_PREFIX: [string, string][] = [
  ['compliance.', 'compliance-rules'],
  ['schedule.', 'scheduling'],
  ['empathy.', 'objection-handling'],
  ['seller.', 'seller-playbook'],
  ['buyer.', 'buyer-playbook'],
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Every variant of every key, in both languages, as a pattern with its placeholders open.
const PATTERNS: { key: string; re: RegExp }[] = [en, es].flatMap((table) =>
  Object.entries(table).flatMap(([key, variants]) =>
    variants.map((v) => ({
      key,
      re: new RegExp(
        escapeRegex(v)
          .replace(/\\\{\w+\\\}/g, '.*?')
          .replace(/\s+/g, '\\s*'),
        'i',
      ),
    })),
  ),
);

/** The wording keys a reply contains. */
export function wordingKeys(reply: string): string[] {
  return [...new Set(PATTERNS.filter((p) => p.re.test(reply)).map((p) => p.key))].sort();
}

function skillsForKey(key: string): string[] {
  return BY_KEY[key] ?? BY_PREFIX.filter(([prefix]) => key.startsWith(prefix)).map(([, skill]) => skill);
}

/** The skills a call needs, by the oracle. */
export function neededSkills(call: CorpusCall): string[] {
  const need = new Set<string>();
  const d = call.decision;
  if (call.turn.task === 'extraction') {
    need.add('extraction-guide');
    const asker = call.pendingBefore?.split('.')[0];
    need.add(
      PLAYBOOK[asker === 'lead' || asker === 'seller' || asker === 'buyer' ? asker : call.ownerBefore],
    );
    return [...need].sort();
  }
  need.add('persona-and-tone');
  need.add(PLAYBOOK[d.bot]);
  if (d.state.lang === 'es') need.add('spanish-style');
  const events = d.events.map((e) => e.action);
  if (d.compliance || events.some((e) => COMPLIANCE_EVENTS.includes(e))) need.add('compliance-rules');
  if (d.escalation) need.add('escalations');
  if (
    d.state.stage === 'scheduling' ||
    d.state.stage === 'booked' ||
    events.includes('appointment_booked') ||
    events.includes('appointment_requested')
  )
    need.add('scheduling');
  for (const key of wordingKeys(d.reply ?? '')) for (const skill of skillsForKey(key)) need.add(skill);
  return [...need].sort();
}

/** The needed skills a prompt left out (none when it carried them all). */
export function missedSkills(call: CorpusCall, loaded: readonly string[]): string[] {
  return neededSkills(call).filter((s) => !loaded.includes(s));
}
