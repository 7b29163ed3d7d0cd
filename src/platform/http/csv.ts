import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

export type Cell = string | number | null;

/**
 * A cell as a spreadsheet will not run it: text starting with = + - @ or a tab is a formula to
 * Excel, so it gets a leading apostrophe (OWASP's advice for CSV injection). Numbers stay numbers.
 */
export function safeCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Sends rows as a CSV download, written as they come (a page of rows at a time from the database),
 * so an export never holds a whole table in memory. UTF-8 with a byte-order mark, for Excel.
 */
export function sendCsv(
  reply: FastifyReply,
  filename: string,
  header: string[],
  rows: AsyncIterable<Cell[]>,
) {
  const csv = stringify({ bom: true });
  (async () => {
    csv.write(header);
    for await (const row of rows) {
      if (!csv.write(row.map(safeCell))) await once(csv, 'drain');
    }
    csv.end();
  })().catch((error: unknown) => csv.destroy(error instanceof Error ? error : new Error(String(error))));
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(csv);
}
