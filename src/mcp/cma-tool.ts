import { z } from 'zod';
import { CmaPdfError, type GenerateCmaResult } from '../app/follow-ups/generate-cma.ts';
import { PROPERTY_TYPES } from '../domain/buyer/listing.ts';
import { type Cma, type CmaSubject, CONDITIONS, type Condition } from '../domain/cma/types.ts';
import { cmaAttachmentName } from '../domain/follow-up/format.ts';
import type { McpDeps, ToolAttachment, ToolOutcome } from './tool-types.ts';

/** The home to value; anything left out is taken from the contact's conversation or estimated. */
export const cmaSubjectInput = z.object({
  address: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .optional()
    .describe('Street address with city, e.g. "6842 Etiwanda Ave, Rancho Cucamonga".'),
  neighborhood: z.string().trim().min(1).max(100).optional(),
  zip: z
    .string()
    .regex(/^\d{5}$/, 'must be 5 digits')
    .optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  beds: z.number().int().min(0).max(20).optional(),
  baths: z
    .number()
    .min(0)
    .max(20)
    .refine((n) => Number.isInteger(n * 2), 'must be a whole or half number (2.5)')
    .optional(),
  sqft: z.number().int().min(200).max(30_000).optional().describe('Living area in square feet.'),
  yearBuilt: z.number().int().min(1800).max(2100).optional(),
  propertyType: z.enum(PROPERTY_TYPES).optional(),
  condition: z.enum(CONDITIONS).optional(),
  sellerPrice: z.number().int().min(10_000).optional().describe("The seller's price in mind, in dollars."),
});

type CmaArgs = z.output<typeof cmaSubjectInput> & {
  contactId?: string | undefined;
  locationId?: string | undefined;
  attachPdf: boolean;
};

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Subject facts the bots keep in the conversation state (see domain/state.ts Facts). */
function subjectFromFacts(facts: Record<string, unknown>): Partial<CmaSubject> {
  const out: Partial<CmaSubject> = {};
  if (typeof facts.address === 'string' && facts.address.trim()) out.address = facts.address.trim();
  const beds = num(facts.beds);
  if (beds !== undefined) out.beds = beds;
  const baths = num(facts.baths);
  if (baths !== undefined) out.baths = baths;
  if ((CONDITIONS as readonly unknown[]).includes(facts.condition))
    out.condition = facts.condition as Condition;
  const price = num(facts.priceExpectation);
  if (price !== undefined) out.sellerPrice = price;
  return out;
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function cmaView(cma: Cma) {
  return {
    ...cma,
    comps: cma.comps.map((u) => ({
      address: `${u.comp.address}, ${u.comp.city}`,
      neighborhood: u.comp.neighborhood,
      soldPrice: u.comp.soldPrice,
      soldDate: u.comp.soldDate,
      beds: u.comp.beds,
      baths: u.comp.baths,
      sqft: u.comp.sqft,
      distanceMiles: u.distanceMiles,
      monthsAgo: u.monthsAgo,
      adjustments: u.adjustments,
      adjustedPrice: u.adjustedPrice,
      weight: u.weight,
      reasons: u.reasons,
    })),
  };
}

export async function runGenerateCma(
  deps: McpDeps,
  args: CmaArgs,
  notFound: (contactId: string) => ToolOutcome,
): Promise<ToolOutcome> {
  const { contactId, locationId, attachPdf, ...given } = args;
  let known: Partial<CmaSubject> = {};
  if (contactId) {
    const found = await deps.conversationFacts(contactId, locationId);
    if (!found) return notFound(contactId);
    known = subjectFromFacts(found.facts);
  }
  const subject = withoutUndefined({ ...known, ...given }) as Partial<CmaSubject>;
  if (!subject.address) {
    return {
      ok: false,
      message: contactId
        ? `The conversation with contact "${contactId}" has no property address yet; pass address.`
        : 'Give the address of the home to value, or a contactId whose conversation has one.',
    };
  }
  const home = subject as CmaSubject;

  let result: GenerateCmaResult;
  try {
    result = await deps.generateCma(home);
  } catch (err) {
    if (!(err instanceof CmaPdfError)) throw err;
    // The figures stand on their own; the PDF can be made again later.
    return {
      ok: true,
      data: {
        ...cmaView(err.cma),
        pdf: null,
        pdfError: 'the PDF could not be rendered; the figures are complete',
      },
    };
  }
  if (!result.ok) {
    const why =
      result.reason === 'no_comparable_sales'
        ? `No comparable sales were found for ${home.address}`
        : `${home.address} could not be valued`;
    return { ok: false, message: `${why}: ${result.problems.join('; ') || result.reason}.` };
  }
  const filename = cmaAttachmentName(home.address, result.cma.asOf);
  const stored = await deps.storeDocument({ filename, contentType: 'application/pdf', bytes: result.pdf });
  const attachments: ToolAttachment[] = attachPdf
    ? [
        {
          uri: stored.url ?? `jorge-bots://documents/${stored.documentId}`,
          mimeType: 'application/pdf',
          blob: result.pdf.toString('base64'),
        },
      ]
    : [];
  return {
    ok: true,
    data: {
      ...cmaView(result.cma),
      pdf: { documentId: stored.documentId, url: stored.url, filename, bytes: result.pdf.length },
      cached: result.cached,
      dataVersion: result.dataVersion,
      ...(contactId ? { contactId } : {}),
    },
    ...(attachments.length ? { attachments } : {}),
  };
}
