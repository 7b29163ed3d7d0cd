import type { FastifyReply } from 'fastify';
import { type Cell, sendCsv } from './csv.ts';
import { sendXlsx } from './xlsx.ts';

export type TableKind = 'csv' | 'xlsx';
export type TableColumn = { header: string; width: number };

/**
 * Sends a table as the download a user asked for: CSV, or an Excel workbook of one sheet (whose
 * columns get their widths). `file` is the name without its extension.
 */
export function sendTable(
  reply: FastifyReply,
  kind: TableKind,
  file: string,
  sheet: { name: string; columns: TableColumn[] },
  rows: AsyncIterable<Cell[]>,
) {
  const name = `${file}.${kind}`;
  return kind === 'csv'
    ? sendCsv(
        reply,
        name,
        sheet.columns.map((c) => c.header),
        rows,
      )
    : sendXlsx(reply, name, sheet, rows);
}

/** Rows already in hand, as the stream the senders take. */
export async function* rowsOf(rows: readonly Cell[][]): AsyncIterable<Cell[]> {
  yield* rows;
}
