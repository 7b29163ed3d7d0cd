/**
 * A simple document: headings, paragraphs, lists and tables. Features build one (a meeting pack, an
 * action plan, the yearly report) and pdf.ts and docx.ts render the same model, so the PDF and the
 * editable Word file always say the same thing.
 */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][]; widths?: number[] };

export type DocModel = {
  title: string;
  subtitle?: string;
  /** Printed at the foot of each page, with the page number. */
  footer: string;
  blocks: Block[];
};

export const heading = (text: string, level: 1 | 2 | 3 = 2): Block => ({ kind: 'heading', text, level });
export const paragraph = (text: string, bold = false): Block => ({ kind: 'paragraph', text, bold });
export const list = (items: string[], ordered = false): Block => ({ kind: 'list', items, ordered });
export const table = (head: string[], rows: string[][], widths?: number[]): Block => ({
  kind: 'table',
  head,
  rows,
  ...(widths ? { widths } : {}),
});

/** The text of every block in order: what a test reads, and what both renderers must show. */
export function plainText(doc: DocModel): string {
  const lines = [doc.title, doc.subtitle ?? ''];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') lines.push(block.text);
    else if (block.kind === 'list') lines.push(...block.items);
    else lines.push(block.head.join(' | '), ...block.rows.map((r) => r.join(' | ')));
  }
  return lines.filter(Boolean).join('\n');
}
