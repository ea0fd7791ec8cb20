// Makes a Comparative Market Analysis PDF by hand: npm run cma -- --address "..." [--beds 4 --sqft 2100]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadComps } from '../src/adapters/comps/load-comps.ts';
import { renderCmaPdf } from '../src/adapters/pdf/cma-pdf.ts';
import { createCmaCache, generateCma, localDay } from '../src/app/follow-ups/generate-cma.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { PROPERTY_TYPES, type PropertyType } from '../src/domain/buyer/listing.ts';
import { CONDITIONS, type Cma, type CmaSubject, type Condition } from '../src/domain/cma/types.ts';

const USAGE = `Usage: npm run cma -- --address "<street, city>" [options]

Writes a Comparative Market Analysis PDF for one home from the comparable-sales file
(COMPS_FILE, or the shipped sample) and prints the value range.

Subject (anything left out is estimated from nearby sales and marked "(estimated)"):
  --address <text>        street address, e.g. "6842 Etiwanda Ave, Rancho Cucamonga" (required)
  --neighborhood <name>   e.g. Etiwanda, Alta Loma (otherwise read from the address)
  --zip <5 digits>        ZIP code
  --lat <deg> --lng <deg> coordinates, both together
  --beds <n>              bedrooms
  --baths <n>             bathrooms, halves allowed (2.5)
  --sqft <n>              living area in square feet
  --year-built <yyyy>     year built
  --type <t>              ${PROPERTY_TYPES.join(' | ')}
  --condition <c>         ${CONDITIONS.join(' | ')}
  --seller-price <$>      the seller's price: 950000, 950k, $1.2m

Output:
  --out <file.pdf>        where to write the PDF (default CMA_<address>_<date>.pdf)
  --today <yyyy-mm-dd>    value as of this day (default: today in TIMEZONE)
  --comps <file>          comparable sales, .json or .csv (default: COMPS_FILE or the shipped sample)
  --agent-phone <text>    phone shown in the header
  --agent-email <text>    email shown in the header
  --brokerage <text>      brokerage shown in the header
  --json                  also print the analysis as JSON
  --help                  show this help

Agent name and market come from AGENT_NAME and MARKET.`;

class UsageError extends Error {}

function count(flag: string, raw: string | undefined, opts: { min: number; max: number; half?: boolean }) {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/,/g, ''));
  const shape = opts.half ? Number.isInteger(n * 2) : Number.isInteger(n);
  if (!Number.isFinite(n) || !shape || n < opts.min || n > opts.max) {
    const kind = opts.half ? 'a whole or half number' : 'a whole number';
    throw new UsageError(`--${flag} must be ${kind} from ${opts.min} to ${opts.max} (got "${raw}")`);
  }
  return n;
}

function coordinate(flag: string, raw: string | undefined, limit: number) {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.abs(n) > limit)
    throw new UsageError(`--${flag} must be a number within ±${limit} (got "${raw}")`);
  return n;
}

/** "950k", "$1.2m", "1,150,000" → dollars. */
function dollars(raw: string | undefined) {
  if (raw === undefined) return undefined;
  const m = /^\$?\s*([\d,]*\.?\d+)\s*([km])?$/i.exec(raw.trim());
  const base = m ? Number(m[1]!.replace(/,/g, '')) : Number.NaN;
  const n = Math.round(base * (m?.[2]?.toLowerCase() === 'm' ? 1e6 : m?.[2] ? 1e3 : 1));
  if (!Number.isFinite(n) || n < 10_000)
    throw new UsageError(`--seller-price must be a price such as 950000, 950k or 1.2m (got "${raw}")`);
  return n;
}

function oneOf<T extends string>(
  flag: string,
  raw: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return v as T;
}

function parse(argv: string[]) {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return { help: true as const };
  const address = values.address?.trim();
  if (!address)
    throw new UsageError('--address is required, e.g. --address "6842 Etiwanda Ave, Rancho Cucamonga"');
  if ((values.lat === undefined) !== (values.lng === undefined))
    throw new UsageError('--lat and --lng go together');
  if (values.zip !== undefined && !/^\d{5}$/.test(values.zip))
    throw new UsageError(`--zip must be 5 digits (got "${values.zip}")`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    throw new UsageError(`--today must be a date like 2026-11-24 (got "${values.today}")`);
  }
  const subject: CmaSubject = Object.fromEntries(
    Object.entries({
      address,
      neighborhood: values.neighborhood,
      zip: values.zip,
      lat: coordinate('lat', values.lat, 90),
      lng: coordinate('lng', values.lng, 180),
      beds: count('beds', values.beds, { min: 0, max: 20 }),
      baths: count('baths', values.baths, { min: 0, max: 20, half: true }),
      sqft: count('sqft', values.sqft, { min: 200, max: 30_000 }),
      yearBuilt: count('year-built', values['year-built'], { min: 1800, max: 2100 }),
      propertyType: oneOf<PropertyType>('type', values.type, PROPERTY_TYPES),
      condition: oneOf<Condition>('condition', values.condition, CONDITIONS),
      sellerPrice: dollars(values['seller-price']),
    }).filter(([, v]) => v !== undefined),
  ) as unknown as CmaSubject;
  return { help: false as const, subject, values };
}

const OPTIONS = {
  address: { type: 'string' },
  neighborhood: { type: 'string' },
  zip: { type: 'string' },
  lat: { type: 'string' },
  lng: { type: 'string' },
  beds: { type: 'string' },
  baths: { type: 'string' },
  sqft: { type: 'string' },
  'year-built': { type: 'string' },
  type: { type: 'string' },
  condition: { type: 'string' },
  'seller-price': { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  comps: { type: 'string' },
  'agent-phone': { type: 'string' },
  'agent-email': { type: 'string' },
  brokerage: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');

function where(cma: Cma): string {
  const place = cma.subject.location.neighborhood ?? cma.subject.location.label;
  if (cma.search.area === 'market' || cma.subject.location.basis === 'market') return 'across the market';
  return cma.search.area === 'nearby' ? `in and around ${place}` : `in or near ${place}`;
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { subject, values } = args;
  const cfg = loadConfig();
  const data = loadComps(values.comps ?? cfg.COMPS_FILE);
  const branding = {
    agentName: cfg.AGENT_NAME,
    market: cfg.MARKET,
    ...(values['agent-phone'] ? { phone: values['agent-phone'] } : {}),
    ...(values['agent-email'] ? { email: values['agent-email'] } : {}),
    ...(values.brokerage ? { brokerage: values.brokerage } : {}),
  };
  const today = values.today;
  const clock = { now: () => (today ? new Date(`${today}T12:00:00Z`) : new Date()) };
  const result = await generateCma(
    {
      data,
      render: (cma) => renderCmaPdf(cma, branding),
      clock,
      timezone: today ? 'UTC' : cfg.TIMEZONE,
      cache: createCmaCache(),
    },
    subject,
  );
  if (!result.ok) {
    process.stderr.write(`Cannot value this home: ${result.problems.join('; ')}\n`);
    return result.reason === 'invalid_subject' ? 2 : 1;
  }
  const { cma, pdf } = result;
  const out =
    values.out ?? `CMA_${slug(subject.address)}_${localDay(clock.now(), today ? 'UTC' : cfg.TIMEZONE)}.pdf`;
  writeFileSync(out, pdf);
  const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
  const lines = [
    `Wrote ${out} (${(pdf.length / 1024).toFixed(1)} KiB)`,
    `${cma.subject.address}, as of ${cma.asOf} (comps data ${data.dataVersion})`,
    `Estimated value: ${usd(cma.range.low)} – ${usd(cma.range.high)}, likely ${usd(cma.range.likely)} ` +
      `(${usd(cma.pricePerSqft.subject)}/sq ft, ${cma.confidence} confidence)`,
    `Comparable sales used: ${cma.comps.length} (${where(cma)}, last ${cma.search.months} months)`,
  ];
  if (cma.estimated.length > 0) lines.push(`Estimated facts: ${cma.estimated.join(', ')}`);
  if (cma.sellerPrice) {
    const s = cma.sellerPrice;
    lines.push(
      `Seller price ${usd(s.sellerPrice)}: ${s.differencePct > 0 ? '+' : ''}${s.differencePct}% vs likely, ${s.verdict} the range`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(cma, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\nRun "npm run cma -- --help" for the options.\n`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
