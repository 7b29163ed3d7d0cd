import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Cell } from './csv.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends rows as an Excel workbook of one sheet, written as they come (a page of rows at a time), so
 * an export never holds a whole table in memory. Cells are plain values: a workbook's text cells are
 * never run as formulas. The header row is bold and stays in view.
 */
export function sendXlsx(
  reply: FastifyReply,
  filename: string,
  sheet: { name: string; columns: { header: string; width: number }[] },
  rows: AsyncIterable<Cell[]>,
) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  worksheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const row of rows) {
      // The client reads more slowly than the database pages: wait, and stop if it has gone.
      if (stream.destroyed) return;
      worksheet.addRow(row).commit();
      if (stream.writableNeedDrain) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
    }
    worksheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(stream);
}
