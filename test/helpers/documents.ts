import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF, page by page, read by Mozilla's pdf.js: what a reader of the file sees. */
export async function pdfText(data: Buffer): Promise<{ pages: number; text: string }> {
  const task = getDocument({ data: new Uint8Array(data), useSystemFonts: false });
  const pdf = await task.promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return { pages: pdf.numPages, text: parts.join('\n').replace(/\s+/g, ' ') };
}

/** The text of a Word file's body: its paragraphs' runs, from word/document.xml. */
export function docxText(data: Buffer): string {
  const files = unzipSync(new Uint8Array(data));
  const xml = new TextDecoder().decode(files['word/document.xml']);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/[ \t]+/g, ' ');
}
