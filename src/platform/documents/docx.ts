import {
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { madeOnce } from './made.ts';
import type { Block, DocModel } from './model.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function blocks(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: block.bold ?? false })] })];
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            text: item,
            ...(block.ordered
              ? { numbering: { reference: 'numbered', level: 0 } }
              : { bullet: { level: 0 } }),
          }),
      );
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.head.map((h) => cell(h, true)) }),
            ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
          ],
        }),
        new Paragraph({ text: '' }),
      ];
  }
}

/**
 * The document as an editable Word file (the `docx` library): headings are Word headings. Made once
 * for the same model.
 */
export function toDocx(doc: DocModel): Promise<Buffer> {
  return madeOnce('docx', doc, () => write(doc));
}

function write(doc: DocModel): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: 'Safeguarding Partnership Hub',
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'left' }],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun(`${doc.footer} · page `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          ...(doc.subtitle ? [new Paragraph({ text: doc.subtitle })] : []),
          ...doc.blocks.flatMap(blocks),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
