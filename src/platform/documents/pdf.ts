import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy?(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let instance: PdfMake | undefined;

/** pdfmake's server build, loaded on first use (it is heavy and most requests never need it). */
function pdfmake(): PdfMake {
  if (instance) return instance;
  const pm = require('pdfmake') as PdfMake;
  // Its bundled Roboto TTFs cover Vietnamese (pdfkit's standard fonts do not).
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pm.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents only read our own fonts; images must be given as data, never as files or URLs.
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  pm.setUrlAccessPolicy?.(() => false);
  instance = pm;
  return pm;
}

/** A pdfmake document definition (https://pdfmake.github.io/docs/0.3/document-definition-object/). */
export type PdfDocument = Record<string, unknown> & { content: unknown };

/** Renders a PDF; text is always set as text (never interpreted), so user input stays inert. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return pdfmake()
    .createPdf({ defaultStyle: { font: 'Roboto', fontSize: 11 }, pageSize: 'A4', ...doc })
    .getBuffer();
}
