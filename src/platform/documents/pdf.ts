import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// pdfmake's server build; its bundled Roboto TTFs cover Vietnamese (pdfkit's standard fonts do not).
const pdfmake = require('pdfmake') as {
  fonts: unknown;
  setFonts(f: unknown): void;
  setUrlAccessPolicy?(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'),
    bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents only read our own fonts and images given as data: no files or URLs named by content.
pdfmake.setLocalAccessPolicy((p) => p.startsWith(fontDir));
pdfmake.setUrlAccessPolicy?.(() => false);

/** A pdfmake document definition (https://pdfmake.github.io/docs/0.3/document-definition-object/). */
export type PdfDocument = Record<string, unknown> & { content: unknown };

/** Renders a PDF; text is always set as text (never interpreted), so user input stays inert. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return pdfmake.createPdf({ defaultStyle: { font: 'Roboto', fontSize: 11 }, pageSize: 'A4', ...doc }).getBuffer();
}
