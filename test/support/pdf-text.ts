import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

const fonts = `${pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')).href}/`;

/**
 * The text of a PDF as a reader sees it (Mozilla pdf.js), pages in order, whitespace runs collapsed
 * to one space. Fails on a PDF a viewer could not open.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: fonts,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  try {
    let out = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) out += `${item.str}${item.hasEOL ? '\n' : ' '}`;
      out += '\n';
    }
    return out.replace(/\s+/g, ' ');
  } finally {
    await doc.destroy();
  }
}
