import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content } from 'pdfmake';
import pdfmake from 'pdfmake';
import { madeOnce } from './made.ts';
import type { Block, DocModel } from './model.ts';

type Definition = Parameters<typeof pdfmake.createPdf>[0];

const require = createRequire(import.meta.url);
const FONTS_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONTS_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONTS_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONTS_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONTS_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
// A document is built only from our own text: it may read the bundled fonts and fetch nothing.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(FONTS_DIR));

function content(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: `h${block.level}` };
    case 'paragraph':
      return { text: block.text, bold: block.bold ?? false, margin: [0, 0, 0, 6] };
    case 'list':
      return block.ordered
        ? { ol: block.items, margin: [0, 0, 0, 8] }
        : { ul: block.items, margin: [0, 0, 0, 8] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: block.widths ?? block.head.map(() => '*'),
          body: [block.head.map((h) => ({ text: h, bold: true })), ...block.rows],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
        margin: [0, 0, 0, 10],
      };
  }
}

/** The document as an A4 PDF (pdfmake, with the Roboto fonts it ships), made once for the same model. */
export function toPdf(doc: DocModel): Promise<Buffer> {
  return madeOnce('pdf', doc, () => layOut(doc));
}

async function layOut(doc: DocModel): Promise<Buffer> {
  const definition: Definition = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    info: { title: doc.title, creator: 'Safeguarding Partnership Hub' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, color: '#505a5f', margin: [0, 0, 0, 14] },
      h1: { fontSize: 16, bold: true, margin: [0, 12, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      text: `${doc.footer} · page ${page} of ${pages}`,
      fontSize: 8,
      color: '#505a5f',
      margin: [50, 20, 50, 0],
    }),
    content: [
      { text: doc.title, style: 'title' },
      ...(doc.subtitle ? [{ text: doc.subtitle, style: 'subtitle' }] : []),
      ...doc.blocks.map(content),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
