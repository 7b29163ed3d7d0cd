/**
 * Reads an uploaded spreadsheet, CSV or Excel (.xlsx), into rows of trimmed strings, checking its
 * header against the columns a template expects. Domain-free: what the cells mean is the caller's.
 *
 * Both kinds are read as a stream and reading stops at the first row over the limit or at a wrong
 * header, so no more than `maxRows` rows are ever held.
 *
 * Measured with Node 24 on the 2-core development container (busy at the time, hence ranges), for
 * 100,000 rows × 4 columns (text, text, decimal, date):
 *   CSV, 4.6 MB:                0.5–0.8 s to read every row (mostly csv-parse itself);
 *                               20–50 ms to stop at row 1,002 when maxRows is 1,000
 *   XLSX from exceljs, 2.7 MB:  2.4–3.4 s to read every row (mostly exceljs's XML parsing);
 *                               0.2–0.45 s to stop at row 1,002 (all shared strings come first)
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, createInflateRaw, inflateRaw } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { XLSX_TYPE } from '../http/xlsx.ts';
import { MAX_UPLOAD_BYTES } from './uploads.ts';

export type TableKind = 'csv' | 'xlsx';
/** A row of cells, as many as the expected columns; `row` is its number as a spreadsheet shows it. */
export type TableRow = { row: number; cells: string[] };
/** A problem to show; row 0 is the file as a whole; `column` is a spreadsheet letter ('A', 'B', …). */
export type TableProblem = { row: number; column?: string; message: string };
/**
 * The columns a table must have. By default exactly these, in order (a template's); with
 * `otherColumns: 'ignore'` each must be there, in any order, and other columns are passed over (a
 * published dataset's, which has columns of its own).
 */
export type Expected = { columns: readonly string[]; maxRows: number; otherColumns?: 'refuse' | 'ignore' };
export type ReadTable =
  | { ok: true; kind: TableKind; rows: TableRow[] }
  | { ok: false; problems: TableProblem[] };

const NOT_A_TABLE = 'The file must be a CSV file or an Excel workbook (.xlsx)';
const NOT_READABLE_XLSX =
  'The file could not be read as an Excel workbook: save it again from Excel and retry';
/** How much of the file goes into the parser at a time, so it can stop early without parsing it all. */
const CHUNK_BYTES = 64 * 1024;
const inflateRawAsync = promisify(inflateRaw);

/** The spreadsheet letter of a column counted from 0: 0 is A, 25 is Z, 26 is AA. */
export function columnLetter(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`Not a column index: ${index}`);
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Reads a CSV file or the first worksheet of an Excel workbook (which it is, is told by the content,
 * not the name). Row 1 must hold the expected column headings, in order (case and surrounding spaces
 * do not matter); the rows below are data. Rows with nothing in them are skipped but still counted
 * in row numbers. Every row given back has one cell per expected column, trimmed.
 */
export async function readTable(
  file: { filename: string; data: Buffer; truncated?: boolean },
  expected: Expected,
): Promise<ReadTable> {
  const { data } = file;
  if (file.truncated || data.length > MAX_UPLOAD_BYTES) {
    return fileProblem(`The file must be ${MAX_UPLOAD_BYTES / 1024 / 1024} MB or smaller`);
  }
  const detected = data.length > 0 ? await fileTypeFromBuffer(data) : undefined;
  if (detected?.mime === XLSX_TYPE) return collect('xlsx', xlsxRows(data), expected);
  // Anything file-type knows (PDF, images, old .xls, zips) is not CSV; nor is text with NULs in it,
  // which is binary, or UTF-16 (which Excel's "Unicode text" is) and other encodings.
  if (detected || !isUtf8(data) || data.includes(0)) return fileProblem(NOT_A_TABLE);
  return collect('csv', csvRows(data), expected);
}

function fileProblem(message: string): ReadTable {
  return { ok: false, problems: [{ row: 0, message }] };
}

/** A problem found while reading a row, which ends the reading. */
class TableError extends Error {
  readonly problem: TableProblem;
  constructor(problem: TableProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

/**
 * Checks the header and gathers the data rows from a source of rows in order (a source may leave
 * out empty rows). Stops at a wrong header or the first row over the limit; after a problem in a
 * row it keeps looking for problems but no longer keeps rows.
 */
async function collect(
  kind: TableKind,
  source: AsyncIterable<{ row: number; cells: string[] }>,
  expected: Expected,
): Promise<ReadTable> {
  const width = expected.columns.length;
  let positions: number[] | null = null;
  const rows: TableRow[] = [];
  const problems: TableProblem[] = [];
  let header: 'unread' | 'blank' | 'good' = 'unread';
  let dataRows = 0;
  try {
    for await (const { row, cells } of source) {
      if (header === 'unread') {
        const headings = row === 1 ? cells.map((cell) => cell.trim()) : [];
        if (headings.every((heading) => heading === '')) {
          // A blank header is reported only if data follows: else the file is just empty.
          header = 'blank';
        } else {
          if (expected.otherColumns === 'ignore') {
            positions = expected.columns.map((c) =>
              headings.findIndex((h) => h.toLowerCase() === c.toLowerCase()),
            );
            const missing = expected.columns.filter((_, i) => positions?.[i] === -1);
            if (missing.length > 0)
              return {
                ok: false,
                problems: missing.map((c) => ({ row: 1, message: `The file has no column headed '${c}'` })),
              };
          } else {
            const wrong = headerProblems(headings, expected.columns);
            if (wrong.length > 0) return { ok: false, problems: wrong };
          }
          header = 'good';
        }
        if (row === 1) continue;
      }
      // Sources may give sparse arrays (a workbook row with a value far to the right): forEach
      // visits only the cells that are there.
      const trimmed: string[] = new Array(width).fill('');
      let empty = true;
      let extra = -1;
      const chosen = positions ? positions.map((at) => cells[at] ?? '') : cells;
      chosen.forEach((cell, index) => {
        const text = cell.trim();
        if (text === '') return;
        empty = false;
        if (index < width) trimmed[index] = text;
        else if (extra < 0) extra = index;
      });
      if (empty) continue;
      if (header === 'blank') return { ok: false, problems: headerProblems([], expected.columns) };
      dataRows += 1;
      if (dataRows > expected.maxRows) {
        const limit = expected.maxRows.toLocaleString('en-GB');
        return {
          ok: false,
          problems: [
            {
              row,
              message: `The file has more than ${limit} rows: split it into files of ${limit} rows or fewer`,
            },
          ],
        };
      }
      if (extra >= 0) {
        const column = columnLetter(extra);
        const message = `Column ${column} has a value, but the template has only ${width} ${width === 1 ? 'column' : 'columns'}`;
        problems.push({ row, column, message });
      } else if (problems.length === 0) {
        rows.push({ row, cells: trimmed });
      }
    }
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    return { ok: false, problems: [...problems, error.problem] };
  }
  if (header === 'unread' || (header === 'blank' && problems.length === 0)) {
    return fileProblem('The file is empty');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, kind, rows };
}

function headerProblems(headings: string[], columns: readonly string[]): TableProblem[] {
  const problems: TableProblem[] = [];
  const count = Math.max(headings.length, columns.length);
  for (let index = 0; index < count; index += 1) {
    const column = columnLetter(index);
    const want = columns[index];
    const got = headings[index] ?? '';
    if (want === undefined) {
      if (got !== '') {
        problems.push({
          row: 1,
          column,
          message: `Column ${column} should not be there: the template has no column headed '${got}'`,
        });
      }
    } else if (got.toLowerCase() !== want.trim().toLowerCase()) {
      const message =
        got === ''
          ? `Column ${column} should be headed '${want}', but it is blank`
          : `Column ${column} should be headed '${want}', not '${got}'`;
      problems.push({ row: 1, column, message });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------- CSV

/** The records of a UTF-8 CSV file, each with its row number (a quoted line break stays in its row). */
async function* csvRows(data: Buffer): AsyncGenerator<{ row: number; cells: string[] }> {
  const parser = parse({
    bom: true,
    // Rows may be short or long: collect() pads them and names any extra column.
    relax_column_count: true,
    // A quotation mark inside an unquoted value (5" pipe) is kept as it is, as Excel does.
    relax_quotes: true,
    // Empty lines come as records so that row numbers count them.
    skip_empty_lines: false,
  });
  Readable.from(chunks(data), { objectMode: false }).pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Records before the error may not all have reached this loop: the parser's count is the truth.
    const records = (error as CsvError & { records?: unknown }).records;
    const at = typeof records === 'number' ? records + 1 : row + 1;
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'A value in this row starts with a quotation mark that is never closed'
        : 'This row could not be read: check its quotation marks and commas';
    throw new TableError({ row: at, message });
  } finally {
    parser.destroy();
  }
}

function* chunks(data: Buffer, size = CHUNK_BYTES): Generator<Buffer> {
  for (let start = 0; start < data.length; start += size) {
    yield data.subarray(start, start + size);
  }
}

// --------------------------------------------------------------------------------------------- XLSX

/**
 * exceljs's reader of one worksheet. Its workbook reader is not used for the worksheet because it
 * decodes each inflated chunk on its own, breaking any character split between two chunks
 * (exceljs issues #2063, #2316), and waits for ever if a worksheet is corrupt (its inflate error goes
 * where nobody listens). Given text, as here, it does neither. Not in exceljs's types or exports.
 */
const WorksheetReader = createRequire(import.meta.url)(
  'exceljs/lib/stream/xlsx/worksheet-reader.js',
) as new (init: {
  workbook: unknown;
  id: number;
  iterator: AsyncIterable<string>;
  options: typeof READER_OPTIONS;
}) => AsyncIterable<ExcelJS.Row>;

/** What exceljs's workbook reader knows of a workbook once it has read its parts (not in its types). */
type WorkbookParts = {
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
  properties?: { model?: { date1904?: boolean } };
};

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache', // for the number formats that mark dates
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/**
 * The most XML a workbook part may inflate to. A workbook within the upload limit is at most about
 * 100 MB of XML: more is a zip bomb, and reading it would take the server's time for nothing.
 */
const MAX_XML_BYTES = 128 * 1024 * 1024;
/** The most rows a worksheet can have in Excel: a worksheet with more rows is not one. */
const MAX_SHEET_ROWS = 1_048_576;
const TOO_BIG_XLSX = 'The workbook holds too much to read: copy the data into a new workbook and retry';

/**
 * The rows of a workbook's first worksheet (the first not hidden), each with its row number.
 *
 * exceljs's workbook reader needs the shared strings (and, for dates, the styles) before a
 * worksheet, but Excel, and exceljs itself, zip worksheets first: the reader would then inflate
 * every worksheet into a temporary file (left behind until the process exits if reading stops
 * early) before reading any. So the small parts are inflated here and given to it in a zip of their
 * own, and the first worksheet is inflated as it is read, so reading can stop at any row.
 */
async function* xlsxRows(data: Buffer): AsyncGenerator<{ row: number; cells: string[] }> {
  const entries = zipEntries(data);
  if (!entries) throw new TableError({ row: 0, message: NOT_READABLE_XLSX });
  let workbook: ExcelJS.stream.xlsx.WorkbookReader & WorkbookParts;
  let sheet: ZipEntry | undefined;
  try {
    // exceljs finds the parts by these names, in this case.
    const names = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
    const parts: ZipEntry[] = [];
    for (const name of names) {
      const entry = entries.get(name.toLowerCase());
      if (entry) parts.push(storedPart(name, await inflateWhole(entry)));
    }
    if (parts.length < 2 || parts[0]?.name !== names[0] || parts[1]?.name !== names[1]) {
      throw new TableError({ row: 0, message: NOT_READABLE_XLSX });
    }
    workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([writeZip(parts)]), READER_OPTIONS);
    for await (const _ of workbook) {
      // That zip holds no worksheet: reading it only reads the workbook's parts into the reader.
    }
    sheet = entries.get(firstWorksheetPath(workbook));
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError({ row: 0, message: NOT_READABLE_XLSX });
  }
  if (!sheet) throw new TableError({ row: 0, message: NOT_READABLE_XLSX });

  const date1904 = workbook.properties?.model?.date1904 === true;
  const worksheet = new WorksheetReader({
    workbook,
    id: 1,
    iterator: inflateText(sheet),
    options: READER_OPTIONS,
  });
  let count = 0;
  try {
    for await (const row of worksheet) {
      count += 1;
      if (count > MAX_SHEET_ROWS || row.number > MAX_SHEET_ROWS)
        throw new TableError({ row: 0, message: TOO_BIG_XLSX });
      // Sparse where the sheet is: a value in column XFD does not make 16,384 cells.
      const cells: string[] = [];
      row.eachCell((cell, column) => {
        cells[column - 1] = cellText(cell, date1904);
      });
      yield { row: row.number, cells };
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError({ row: 0, message: NOT_READABLE_XLSX });
  }
}

/** The zip path of the workbook's first worksheet that is not hidden (else its first worksheet). */
function firstWorksheetPath({ model, workbookRels }: WorkbookParts): string {
  const worksheets = (model?.sheets ?? []).flatMap((sheet) => {
    const target = workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    // Chart sheets are sheets too, but hold no cells.
    if (!target || !/(^|\/)worksheets\//i.test(target)) return [];
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return [{ path: path.toLowerCase(), hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden' }];
  });
  return (worksheets.find((sheet) => !sheet.hidden) ?? worksheets[0])?.path ?? '';
}

/** A small part, inflated whole (up to the limit). */
async function inflateWhole(entry: ZipEntry): Promise<Buffer> {
  if (entry.method === 0) return entry.data;
  try {
    return await inflateRawAsync(entry.data, { maxOutputLength: MAX_XML_BYTES });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TableError({ row: 0, message: TOO_BIG_XLSX });
    }
    throw error;
  }
}

/**
 * An XML part stored (not compressed) in a zip for exceljs, with every character beyond ASCII
 * written as a character reference (&#233;): however the reader cuts it into chunks, it cannot cut a
 * character in two. Workbook parts have no CDATA, where a reference would stay as it is.
 */
function storedPart(name: string, xml: Buffer): ZipEntry {
  const text = new TextDecoder().decode(xml).replace(/[^\0-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
  const data = Buffer.from(text, 'latin1');
  return { name, method: 0, crc: crc32(data), size: data.length, data };
}

/** A worksheet as text, inflated as it is read, up to the limit. */
async function* inflateText(entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const inflate = entry.method === 0 ? undefined : createInflateRaw();
  // Small pieces in, so that the inflater's output, and the work done before a stop, stays small.
  const input = Readable.from(chunks(entry.data, 16 * 1024));
  const source: AsyncIterable<Buffer> = inflate ? input.pipe(inflate) : input;
  let total = 0;
  let crc = 0;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > MAX_XML_BYTES) throw new TableError({ row: 0, message: TOO_BIG_XLSX });
      crc = crc32(chunk, crc);
      yield decoder.decode(chunk, { stream: true });
    }
    // A damaged worksheet may inflate without an error, to less than it was, which exceljs takes
    // for a shorter worksheet: the checksum tells.
    if (total !== entry.size || crc !== entry.crc)
      throw new TableError({ row: 0, message: NOT_READABLE_XLSX });
    yield decoder.decode();
  } finally {
    inflate?.destroy();
    input.destroy();
  }
}

/**
 * A cell as the text a person would type to get it: numbers to Excel's 15 significant digits (so
 * 0.1+0.2 is 0.3) in plain decimal, dates as YYYY-MM-DD, formulas as their last result, rich text
 * as its text, TRUE/FALSE, errors as shown (#N/A). Not as formatted: 15% is 0.15.
 */
function cellText(cell: ExcelJS.Cell, date1904: boolean): string {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeXlsx(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) {
    const runs: unknown[] = value.richText;
    return unescapeXlsx(runs.map((run) => (isText(run) ? run.text : '')).join(''));
  }
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    // exceljs leaves a result of 0 out of a formula's value, but keeps it as the cell's result;
    // a formula copied down (shared) keeps its result in its value.
    const result: unknown =
      cell.type === ExcelJS.ValueType.Formula ? cell.result : (value as { result?: unknown }).result;
    if (typeof result === 'number') {
      // The reader makes dates of plain cells with a date format, but not of formula results.
      // An error (#DIV/0!, #REF!…): the reader keeps no more of it than that it is not a number.
      if (Number.isNaN(result)) return '#ERROR!';
      return isDateFormat(cell.numFmt) ? dateText(excelDate(result, date1904)) : numberText(result);
    }
    if (typeof result === 'string') return unescapeXlsx(result);
    if (typeof result === 'boolean') return result ? 'TRUE' : 'FALSE';
    if (result instanceof Date) return dateText(result);
    return '';
  }
  return isText(value) ? unescapeXlsx(value.text) : '';
}

function isText(value: unknown): value is { text: string } {
  return typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string';
}

/** Text with Excel's escapes of characters XML cannot hold (_x000D_ for a carriage return) undone. */
function unescapeXlsx(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function numberText(value: number): string {
  if (Number.isSafeInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (!Number.isFinite(value)) return '';
  const text = String(Number(value.toPrecision(15)));
  // Beyond 1e21 or under 1e-6 String() writes an exponent: a person wrote digits.
  return text.includes('e') ? PLAIN_NUMBER.format(value) : text;
}

const PLAIN_NUMBER = new Intl.NumberFormat('en-GB', {
  useGrouping: false,
  maximumSignificantDigits: 15,
});

function dateText(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return Number.isNaN(year) ? '' : date.toISOString().slice(0, 10);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** A date from Excel's serial number (days since 30 December 1899, or from 1904), as exceljs does. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Whether a number format shows a date or time: d, m, y, h or s outside quotes and [brackets]. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

// ---------------------------------------------------------------------------------------------- Zip

type ZipEntry = { name: string; method: number; crc: number; size: number; data: Buffer };

/**
 * The entries of a zip by lower-cased name (OPC part names ignore case), their data still
 * compressed; or undefined if it is not a zip this can read: encrypted, Zip64 (no workbook within
 * the upload limit needs it: only a bomb would) or compressed other than by deflate.
 */
function zipEntries(zip: Buffer): Map<string, ZipEntry> | undefined {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return undefined;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (flags & 1 || (method !== 0 && method !== 8)) return undefined;
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return undefined;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) return undefined;
    const key = name.toLowerCase();
    if (!entries.has(key)) {
      entries.set(key, { name, method, crc, size, data: zip.subarray(start, start + compressed) });
    }
  }
  return entries;
}

/** A zip of the given entries, in the given order. */
function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x0800; // UTF-8 name; sizes in the header, so no data descriptor
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}
