// Validates the corpus JSONL files against the schema in README.md.
// Plain Node ESM, no dependencies. Usage: node eval/corpus/validate.mjs
// Exits 1 on any violation.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

const BOTS = ['lead', 'seller', 'buyer'];
const LANGS = ['en', 'es'];
const LAST_Q = ['motivation', 'timeline', 'condition', 'price', 'budget', 'preapproval', 'needs', 'area', 'buy_or_sell', 'appointment', null];
const TOPICS = ['identity', 'how_got_number', 'scam', 'licensed', 'fees_commission', 'closing_costs', 'process', 'preapproval_needed', 'switch_to_email', 'reschedule', 'cancel', 'home_value', 'listing_status', 'area_info', 'market', 'other'];
const OBJECTIONS = ['has_agent', 'listed_with_other', 'already_bought', 'already_sold', 'not_interested', 'not_selling_anymore', 'wrong_number', 'stop_texting', 'hostile', 'just_looking', 'too_early'];
const SCHED = ['time_preference', 'reschedule', 'cancel', 'confirm'];
const FEELINGS = ['anger', 'grief', 'stress', 'urgency', 'excitement'];
const KEYWORDS = ['STOP', 'HELP', 'START'];
const MOTIVATIONS = ['relocation', 'job', 'upsizing', 'downsizing', 'divorce', 'death_in_family', 'financial', 'retirement', 'investment', 'bought_another', 'moving_in_with_partner', 'marriage', 'taxes', 'tenants', 'inherited', 'other'];
const CONDITIONS = ['excellent', 'good', 'fair', 'needs_work', 'poor'];
const isInt = (v) => Number.isInteger(v);
const isMoney = (v) => isInt(v) && v >= 10000 && v <= 20000000;
const isStr = (v) => typeof v === 'string' && v.trim().length > 0 && v === v.trim();

const SLOT_CHECK = {
  intent: (v) => ['buy', 'sell', 'both'].includes(v),
  price: isMoney, price_min: isMoney, price_max: isMoney,
  budget_max: isMoney, budget_min: isMoney,
  timeline_months: (v) => isInt(v) && v >= 0 && v <= 60,
  condition: (v) => CONDITIONS.includes(v),
  motivation: (v) => MOTIVATIONS.includes(v),
  preapproved: (v) => typeof v === 'boolean',
  lender: isStr,
  bedrooms: (v) => isInt(v) && v >= 0 && v <= 12,
  bathrooms: (v) => typeof v === 'number' && v >= 1 && v <= 12 && Number.isInteger(v * 2),
  area: isStr,
  address: (v) => isStr(v) && /^\d+ /.test(v),
  email: (v) => typeof v === 'string' && /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(v),
  phone: (v) => typeof v === 'string' && /^\+1\d{10}$/.test(v),
  yes_no: (v) => ['yes', 'no'].includes(v),
  language_switch: (v) => ['es', 'en'].includes(v),
};
const AREAS = ['Rancho Cucamonga', 'Upland', 'Ontario', 'Fontana', 'Etiwanda', 'Alta Loma', 'Chino Hills', 'Claremont', 'Chino', 'Montclair', 'Pomona', 'Eastvale', 'Corona', 'Riverside', 'Rialto', 'La Verne', 'San Bernardino', 'Redlands', 'Victorville', 'Menifee', 'Temecula', 'San Dimas', 'Jurupa Valley', 'Colton', 'Glendora'];

function checkSlots(where, slots) {
  if (typeof slots !== 'object' || slots === null || Array.isArray(slots)) return err(where, 'slots must be an object');
  for (const [k, v] of Object.entries(slots)) {
    if (!(k in SLOT_CHECK)) { err(where, `unknown slot ${k}`); continue; }
    if (!SLOT_CHECK[k](v)) err(where, `bad value for ${k}: ${JSON.stringify(v)}`);
    if (k === 'area' && !AREAS.includes(v)) err(where, `area not a known city name: ${v}`);
  }
  if ('price_min' in slots && 'price_max' in slots && slots.price_min > slots.price_max) err(where, 'price_min > price_max');
  if ('budget_min' in slots && 'budget_max' in slots && slots.budget_min > slots.budget_max) err(where, 'budget_min > budget_max');
  if ('price' in slots && ('price_max' in slots)) err(where, 'price together with a price range');
  if ('budget_min' in slots && !('budget_max' in slots)) err(where, 'budget_min without budget_max');
}

function checkAct(where, a) {
  if (typeof a !== 'object' || a === null) return err(where, 'act must be an object');
  const keys = Object.keys(a).sort().join(',');
  const one = (field, allowed) => { if (keys !== ['act', field].sort().join(',')) err(where, `act ${a.act} must have exactly {act,${field}}`); else if (!allowed.includes(a[field])) err(where, `bad ${field} for ${a.act}: ${a[field]}`); };
  switch (a.act) {
    case 'answer': case 'greeting': case 'affirm': case 'deny': case 'other': if (keys !== 'act') err(where, `act ${a.act} takes no fields`); break;
    case 'question': one('topic', TOPICS); break;
    case 'objection': one('type', OBJECTIONS); break;
    case 'scheduling': one('kind', SCHED); break;
    case 'feeling': one('kind', FEELINGS); break;
    case 'keyword': one('kind', KEYWORDS); break;
    case 'identity_question': if (keys !== 'act,sincere' || typeof a.sincere !== 'boolean') err(where, 'identity_question needs boolean sincere'); break;
    default: err(where, `unknown act ${a.act}`);
  }
}

function readJsonl(file) {
  const p = path.join(DIR, file);
  if (!fs.existsSync(p)) { err(file, 'missing'); return []; }
  const raw = fs.readFileSync(p, 'utf8');
  if (raw !== '' && !raw.endsWith('\n')) err(file, 'must end with a newline');
  const out = [];
  raw.split('\n').forEach((line, i) => {
    if (line === '' && i === raw.split('\n').length - 1) return;
    try { out.push({ rec: JSON.parse(line), where: `${file}:${i + 1}` }); } catch (e) { err(`${file}:${i + 1}`, 'invalid JSON: ' + e.message); }
  });
  return out;
}

const ids = new Map();
const seenId = (id, where) => { if (ids.has(id)) err(where, `duplicate id ${id} (also ${ids.get(id)})`); else ids.set(id, where); };
const norm = (t) => t.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9ñ ]+/g, ' ').replace(/\s+/g, ' ').trim();

// ---- utterances
// Id prefixes per split: train and test share u/c (they were cut from one pool), dev uses d/dc, dev2 v/vc,
// dev3 w/wc, dev4 x/xc, dev5 y/yc, dev6 z/zc, dev7 k/kc, dev8 m/mc, dev9 p/pc, dev10 q/qc, dev11 r/rc, dev12 s/sc, dev13 n/nc, dev14 g/gc, dev15 h/hc, dev16 j/jc, dev17 f/fc, dev18 t/tc, dev19 b/bc, dev20 e/ec, dev21 l/lc, dev22 o/oc, dev23 a/ac.
const SPLITS = ['train', 'dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23', 'test'];
const U_ID = { train: /^u\d{4,}$/, test: /^u\d{4,}$/, dev: /^d\d{4,}$/, dev2: /^v\d{4,}$/, dev3: /^w\d{4,}$/, dev4: /^x\d{4,}$/, dev5: /^y\d{4,}$/, dev6: /^z\d{4,}$/, dev7: /^k\d{4,}$/, dev8: /^m\d{4,}$/, dev9: /^p\d{4,}$/, dev10: /^q\d{4,}$/, dev11: /^r\d{4,}$/, dev12: /^s\d{4,}$/, dev13: /^n\d{4,}$/, dev14: /^g\d{4,}$/, dev15: /^h\d{4,}$/, dev16: /^j\d{4,}$/, dev17: /^f\d{4,}$/, dev18: /^t\d{4,}$/, dev19: /^b\d{4,}$/, dev20: /^e\d{4,}$/, dev21: /^l\d{4,}$/, dev22: /^o\d{4,}$/, dev23: /^a\d{4,}$/ };
const C_ID = { train: /^c\d{3,}$/, test: /^c\d{3,}$/, dev: /^dc\d{3,}$/, dev2: /^vc\d{3,}$/, dev3: /^wc\d{3,}$/, dev4: /^xc\d{3,}$/, dev5: /^yc\d{3,}$/, dev6: /^zc\d{3,}$/, dev7: /^kc\d{3,}$/, dev8: /^mc\d{3,}$/, dev9: /^pc\d{3,}$/, dev10: /^qc\d{3,}$/, dev11: /^rc\d{3,}$/, dev12: /^sc\d{3,}$/, dev13: /^nc\d{3,}$/, dev14: /^gc\d{3,}$/, dev15: /^hc\d{3,}$/, dev16: /^jc\d{3,}$/, dev17: /^fc\d{3,}$/, dev18: /^tc\d{3,}$/, dev19: /^bc\d{3,}$/, dev20: /^ec\d{3,}$/, dev21: /^lc\d{3,}$/, dev22: /^oc\d{3,}$/, dev23: /^ac\d{3,}$/ };
const uSplit = {};
for (const split of SPLITS) {
  for (const { rec: u, where } of readJsonl(`utterances-${split}.jsonl`)) {
    const w = `${where} ${u.id}`;
    const allowed = ['id', 'lang', 'context', 'text', 'acts', 'slots', 'note'];
    for (const k of Object.keys(u)) if (!allowed.includes(k)) err(w, `unknown field ${k}`);
    if (typeof u.id !== 'string' || !U_ID[split].test(u.id)) err(w, 'bad id'); else seenId(u.id, where);
    if (!LANGS.includes(u.lang)) err(w, 'bad lang');
    const c = u.context;
    if (!c || typeof c !== 'object') err(w, 'missing context');
    else {
      if (Object.keys(c).sort().join(',') !== 'bot,lastQuestion,now') err(w, 'context must have exactly bot,lastQuestion,now');
      if (!BOTS.includes(c.bot)) err(w, 'bad context.bot');
      if (!LAST_Q.includes(c.lastQuestion)) err(w, 'bad context.lastQuestion');
      if (c.now !== '2026-12-04') err(w, 'context.now must be 2026-12-04');
    }
    if (!isStr(u.text)) err(w, 'text must be a non-empty trimmed string');
    if (!Array.isArray(u.acts) || u.acts.length === 0) err(w, 'acts must be a non-empty list');
    else {
      u.acts.forEach((a) => checkAct(w, a));
      const sig = u.acts.map((a) => JSON.stringify(a));
      if (new Set(sig).size !== sig.length) err(w, 'duplicate act');
    }
    checkSlots(w, u.slots);
    if ('yes_no' in (u.slots || {})) { const want = u.slots.yes_no === 'yes' ? 'affirm' : 'deny'; if (!u.acts.some((a) => a.act === want)) err(w, `yes_no=${u.slots.yes_no} without ${want} act`); }
    if ('note' in u && !isStr(u.note)) err(w, 'note must be a non-empty string');
    const n = norm(u.text) + '|' + (c && c.bot) + '|' + (c && c.lastQuestion);
    (uSplit[n] ||= new Set()).add(split);
  }
}
for (const [n, s] of Object.entries(uSplit)) if (s.size > 1) err('utterances', `same text+context in ${[...s].join(' and ')}: ${n}`);

// ---- conversations
const EXPECT_KEYS = ['opted_out', 'must_not_solicit_after', 'slots', 'temperature', 'appointment_offered', 'question_answered', 'handoff_to_human', 'language', 'max_repeats'];
const cSplit = {};
for (const split of SPLITS) {
  for (const { rec: c, where } of readJsonl(`conversations-${split}.jsonl`)) {
    const w = `${where} ${c.id}`;
    const allowed = ['id', 'lang', 'bot', 'tags', 'contact', 'now', 'turns', 'expect'];
    for (const k of Object.keys(c)) if (!allowed.includes(k)) err(w, `unknown field ${k}`);
    for (const k of allowed) if (!(k in c)) err(w, `missing field ${k}`);
    if (typeof c.id !== 'string' || !C_ID[split].test(c.id)) err(w, 'bad id'); else seenId(c.id, where);
    if (!LANGS.includes(c.lang)) err(w, 'bad lang');
    if (!BOTS.includes(c.bot)) err(w, 'bad bot');
    if (!Array.isArray(c.tags) || c.tags.length > 1 || (c.tags.length && !['Seller-Lead', 'Buyer-Lead'].includes(c.tags[0]))) err(w, 'bad tags');
    if (!c.contact || Object.keys(c.contact).join(',') !== 'firstName' || typeof c.contact.firstName !== 'string') err(w, 'contact must be {firstName}');
    if (c.now !== '2026-12-04T18:00:00Z') err(w, 'bad now');
    if (!Array.isArray(c.turns) || c.turns.length < 1 || c.turns.length > 8 || !c.turns.every(isStr)) err(w, 'turns must be 1-8 non-empty strings');
    const e = c.expect || {};
    for (const k of Object.keys(e)) if (!EXPECT_KEYS.includes(k)) err(w, `unknown expect key ${k}`);
    if ('opted_out' in e && typeof e.opted_out !== 'boolean') err(w, 'opted_out must be boolean');
    if ('must_not_solicit_after' in e && !(isInt(e.must_not_solicit_after) && e.must_not_solicit_after >= 0 && e.must_not_solicit_after < (c.turns || []).length)) err(w, 'must_not_solicit_after must be a valid 0-based turn index');
    if ('slots' in e) checkSlots(w, e.slots);
    if ('temperature' in e && !['hot', 'warm', 'cold'].includes(e.temperature)) err(w, 'bad temperature');
    if ('appointment_offered' in e && e.appointment_offered !== true) err(w, 'appointment_offered is only stated as true');
    if ('question_answered' in e && (!Array.isArray(e.question_answered) || !e.question_answered.length || !e.question_answered.every((t) => TOPICS.includes(t)))) err(w, 'bad question_answered');
    if ('handoff_to_human' in e && typeof e.handoff_to_human !== 'boolean') err(w, 'handoff_to_human must be boolean');
    if ('language' in e && !LANGS.includes(e.language)) err(w, 'bad language');
    if (e.max_repeats !== 2) err(w, 'max_repeats must be 2');
    if (e.opted_out === true && e.appointment_offered) err(w, 'opted out but appointment_offered');
    if (e.opted_out === true && !('must_not_solicit_after' in e)) err(w, 'opted_out without must_not_solicit_after');
    const n = norm((c.turns || []).join(' '));
    (cSplit[n] ||= new Set()).add(split);
  }
}
for (const [n, s] of Object.entries(cSplit)) if (s.size > 1) err('conversations', `same turns in ${[...s].join(' and ')}: ${n.slice(0, 60)}`);

// The development splits hold no near-duplicate of a test message (3+ words, word-set Jaccard >= 0.7), so tuning on
// dev never tunes on a surface variant of test. Only the dev id is printed, never the test text.
{
  const wordSet = (t) => new Set(norm(t).split(' ').filter(Boolean));
  const jaccard = (a, b) => { let i = 0; for (const x of a) if (b.has(x)) i++; return i / (a.size + b.size - i); };
  const texts = (split) => readJsonl(`utterances-${split}.jsonl`).map(({ rec }) => ({ id: rec.id, w: wordSet(String(rec.text || '')) })).filter((r) => r.w.size >= 3);
  const test = texts('test');
  for (const dev of ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23']) {
    for (const d of texts(dev)) if (test.some((t) => jaccard(d.w, t.w) >= 0.7)) err(`utterances-${dev}.jsonl ${d.id}`, 'near-duplicate of a test message (word-set Jaccard >= 0.7): reword or drop it');
  }
}

if (errors.length) { console.error(errors.slice(0, 200).join('\n')); console.error(`\n${errors.length} violation(s)`); process.exit(1); }
const nConv = [...ids.keys()].filter((i) => /^[dvwxyzkmpqrsnghjftbeloa]?c/.test(i)).length;
console.log(`OK: ${ids.size - nConv} utterances, ${nConv} conversations, all valid`);
