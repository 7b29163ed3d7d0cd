import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { columnLetter, readTable } from './tables.ts';
import { MAX_UPLOAD_BYTES } from './uploads.ts';

const columns = ['partner', 'quarter', 'value'];
const expected = { columns, maxRows: 100 };
const NOT_A_TABLE = 'The file must be a CSV file or an Excel workbook (.xlsx)';

function csv(text: string) {
  return { filename: 'figures.csv', data: Buffer.from(text, 'utf8') };
}

/** A workbook made as Excel would save it, its first worksheet holding the given rows. */
async function xlsx(
  rows: ExcelJS.CellValue[][],
  shape?: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void,
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Figures');
  for (const row of rows) sheet.addRow(row);
  shape?.(sheet, book);
  return { filename: 'figures.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) };
}

function problems(result: Awaited<ReturnType<typeof readTable>>) {
  assert.equal(result.ok, false, 'expected problems');
  return result.ok ? [] : result.problems;
}

function rows(result: Awaited<ReturnType<typeof readTable>>) {
  assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.problems));
  return result.ok ? result.rows : [];
}

test('a CSV file reads into trimmed rows of the expected width, numbered as a spreadsheet numbers them', async () => {
  const result = await readTable(
    csv(' Partner ,QUARTER,value\nNorth Council , 2024-Q1 ,12.50\nPolice,2024-Q1\n'),
    expected,
  );
  assert.deepEqual(result, {
    ok: true,
    kind: 'csv',
    rows: [
      { row: 2, cells: ['North Council', '2024-Q1', '12.50'] },
      { row: 3, cells: ['Police', '2024-Q1', ''] },
    ],
  });
});

test('a byte-order mark and Windows line ends are taken in stride', async () => {
  const result = await readTable(csv('\ufeffpartner,quarter,value\r\nHealth,2024-Q2,3\r\n'), expected);
  assert.deepEqual(rows(result), [{ row: 2, cells: ['Health', '2024-Q2', '3'] }]);
});

test('quoted commas, quotes and line breaks stay in their cell, and later rows count on from it', async () => {
  const text =
    'partner,quarter,value\r\n"Smith, Jones & Co",2024-Q1,"1,200"\r\n"Said ""no""","two\r\nlines",5" pipe\r\nLast,2024-Q3,7\r\n';
  assert.deepEqual(rows(await readTable(csv(text), expected)), [
    { row: 2, cells: ['Smith, Jones & Co', '2024-Q1', '1,200'] },
    { row: 3, cells: ['Said "no"', 'two\r\nlines', '5" pipe'] },
    { row: 4, cells: ['Last', '2024-Q3', '7'] },
  ]);
});

test('blank rows are skipped but still counted in the row numbers', async () => {
  const text = 'partner,quarter,value\n\nA,Q1,1\n,,\n  ,\t,\nB,Q2,2\n\n\n';
  assert.deepEqual(rows(await readTable(csv(text), expected)), [
    { row: 3, cells: ['A', 'Q1', '1'] },
    { row: 6, cells: ['B', 'Q2', '2'] },
  ]);
  const book = await xlsx([
    ['partner', 'quarter', 'value'],
    ['A', 'Q1', 1],
    [],
    ['', null, '  '],
    ['B', 'Q2', 2],
  ]);
  assert.deepEqual(rows(await readTable(book, expected)), [
    { row: 2, cells: ['A', 'Q1', '1'] },
    { row: 5, cells: ['B', 'Q2', '2'] },
  ]);
});

test('a wrong header names each column at fault and stops there', async () => {
  // The data rows have values beyond the last column too, but only the header is reported.
  assert.deepEqual(problems(await readTable(csv('partner,quarter,valu\nA,Q1,1,x\n'), expected)), [
    { row: 1, column: 'C', message: "Column C should be headed 'value', not 'valu'" },
  ]);
  assert.deepEqual(problems(await readTable(csv('partner,quarter\nA,Q1\n'), expected)), [
    { row: 1, column: 'C', message: "Column C should be headed 'value', but it is blank" },
  ]);
  assert.deepEqual(problems(await readTable(csv('partner,quarter,value,,notes\nA,Q1,1\n'), expected)), [
    {
      row: 1,
      column: 'E',
      message: "Column E should not be there: the template has no column headed 'notes'",
    },
  ]);
  assert.deepEqual(
    problems(
      await readTable(
        await xlsx([
          ['Partner', 'Value'],
          ['A', 1],
        ]),
        expected,
      ),
    ),
    [
      { row: 1, column: 'B', message: "Column B should be headed 'quarter', not 'Value'" },
      { row: 1, column: 'C', message: "Column C should be headed 'value', but it is blank" },
    ],
  );
});

test('a blank first row, with data below it, is a missing header', async () => {
  assert.deepEqual(problems(await readTable(csv(',,\nA,Q1,1\n'), { columns: ['partner'], maxRows: 10 })), [
    { row: 1, column: 'A', message: "Column A should be headed 'partner', but it is blank" },
  ]);
});

test('a value beyond the last column is a problem for its row, naming the column', async () => {
  const text = 'partner,quarter,value\nA,Q1,1,oops\nB,Q2,2,,\nC,Q3,3,,,late\n';
  assert.deepEqual(problems(await readTable(csv(text), expected)), [
    { row: 2, column: 'D', message: 'Column D has a value, but the template has only 3 columns' },
    { row: 4, column: 'F', message: 'Column F has a value, but the template has only 3 columns' },
  ]);
  const book = await xlsx(
    [
      ['partner', 'quarter', 'value'],
      ['A', 'Q1', 1],
    ],
    (sheet) => {
      sheet.getCell('AB3').value = 'stray';
    },
  );
  assert.deepEqual(problems(await readTable(book, expected)), [
    { row: 3, column: 'AB', message: 'Column AB has a value, but the template has only 3 columns' },
  ]);
});

test('more rows than allowed is one problem, at the first row over the limit', async () => {
  const text = `partner,quarter,value\n${'A,Q1,1\n'.repeat(3)}`;
  assert.deepEqual(problems(await readTable(csv(text), { columns, maxRows: 2 })), [
    { row: 4, message: 'The file has more than 2 rows: split it into files of 2 rows or fewer' },
  ]);
  assert.deepEqual(rows(await readTable(csv(text), { columns, maxRows: 3 })).length, 3);

  const many = [
    ['partner', 'quarter', 'value'],
    ...Array.from({ length: 1001 }, (_, i) => [`P${i}`, 'Q1', i]),
  ];
  const limit = { columns, maxRows: 1000 };
  const message = 'The file has more than 1,000 rows: split it into files of 1,000 rows or fewer';
  assert.deepEqual(problems(await readTable(await xlsx(many), limit)), [{ row: 1002, message }]);
  assert.deepEqual(problems(await readTable(csv(many.map((row) => row.join(',')).join('\n')), limit)), [
    { row: 1002, message },
  ]);
});

test('an empty file, or one of blank lines, is empty; a header alone is a table of no rows', async () => {
  for (const data of [Buffer.alloc(0), Buffer.from('\ufeff'), Buffer.from('\r\n\r\n ,, \n')]) {
    assert.deepEqual(problems(await readTable({ filename: 'x.csv', data }, expected)), [
      { row: 0, message: 'The file is empty' },
    ]);
  }
  assert.deepEqual(problems(await readTable(await xlsx([]), expected)), [
    { row: 0, message: 'The file is empty' },
  ]);
  assert.deepEqual(await readTable(csv('partner,quarter,value\n'), expected), {
    ok: true,
    kind: 'csv',
    rows: [],
  });
});

test('a PDF, an image, an old .xls, UTF-16 text or bytes that are not UTF-8 are refused', async () => {
  const files = [
    Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n'),
    Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]),
    Buffer.from('\ufeffpartner,quarter,value\r\n', 'utf16le'),
    Buffer.from([0x70, 0x61, 0xff, 0x72, 0x74]),
    Buffer.from('partner\0quarter'),
  ];
  for (const data of files) {
    assert.deepEqual(await readTable({ filename: 'figures.csv', data }, expected), {
      ok: false,
      problems: [{ row: 0, message: NOT_A_TABLE }],
    });
  }
  assert.deepEqual(
    problems(await readTable({ filename: 'x.csv', data: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'a') }, expected)),
    [{ row: 0, message: 'The file must be 10 MB or smaller' }],
  );
});

test('an unclosed quotation mark is a problem at the row it opens in, not an exception', async () => {
  const text = 'partner,quarter,value\nA,Q1,1\n\nB,"Q2,2\nC,Q3,3\n';
  assert.deepEqual(problems(await readTable(csv(text), expected)), [
    { row: 4, message: 'A value in this row starts with a quotation mark that is never closed' },
  ]);
});

test('workbook cells read as a person sees them: plain numbers, ISO dates, formula results, plain text', async () => {
  const book = await xlsx(
    [
      ['Partner', 'Quarter', 'Value'],
      ['  North  ', new Date(Date.UTC(2024, 2, 31)), 0.1 + 0.2],
      [{ richText: [{ text: 'Bold', font: { bold: true } }, { text: ' and plain' }] }, true, 1234567],
      ['tiny', 'huge', 0.0000001],
      ['formula', { formula: 'C2*2', result: 0.6000000000000001 }, { formula: 'C2-C2', result: 0 }],
      ['formula date', { formula: 'B2+1', result: 45383 }, { formula: 'A2&"!"', result: 'North!' }],
      ['error', { error: '#N/A' }, 1e21],
      ['escaped', 'a_x000D_b', -0.5],
    ],
    (sheet) => {
      sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
      sheet.getCell('B6').numFmt = 'd mmm yyyy';
    },
  );
  const result = await readTable(book, expected);
  assert.deepEqual(result, {
    ok: true,
    kind: 'xlsx',
    rows: [
      { row: 2, cells: ['North', '2024-03-31', '0.3'] },
      { row: 3, cells: ['Bold and plain', 'TRUE', '1234567'] },
      { row: 4, cells: ['tiny', 'huge', '0.0000001'] },
      { row: 5, cells: ['formula', '0.6', '0'] },
      { row: 6, cells: ['formula date', '2024-04-01', 'North!'] },
      { row: 7, cells: ['error', '#N/A', '1000000000000000000000'] },
      { row: 8, cells: ['escaped', 'a\rb', '-0.5'] },
    ],
  });
});

test('only the first visible worksheet counts, wherever it is kept in the file', async () => {
  const book = new ExcelJS.Workbook();
  const lists = book.addWorksheet('Lists', { state: 'hidden' });
  lists.addRow(['not', 'this']);
  const notes = book.addWorksheet('Notes');
  notes.addRow(['nor', 'this']);
  const figures = book.addWorksheet('Figures');
  figures.addRows([columns, ['A', 'Q1', 5]]);
  // Tabs: Lists (hidden), Figures, Notes; Figures's XML is still the last worksheet in the zip.
  // (exceljs orders tabs by orderNo, which its types leave out.)
  const order = (sheet: ExcelJS.Worksheet, orderNo: number) => Object.assign(sheet, { orderNo });
  order(lists, 0);
  order(figures, 1);
  order(notes, 2);
  const data = Buffer.from(await book.xlsx.writeBuffer());
  assert.deepEqual(rows(await readTable({ filename: 'x.xlsx', data }, expected)), [
    { row: 2, cells: ['A', 'Q1', '5'] },
  ]);
});

test('a workbook written by a streaming writer, as exports are, reads back', async () => {
  const stream = new PassThrough();
  const written = buffer(stream);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet('Figures');
  sheet.addRow(columns).commit();
  sheet.addRow(['Café Ünïcode ☕', 'Q4', 42.5]).commit();
  sheet.commit();
  await book.commit();
  assert.deepEqual(rows(await readTable({ filename: 'x.xlsx', data: await written }, expected)), [
    { row: 2, cells: ['Café Ünïcode ☕', 'Q4', '42.5'] },
  ]);
});

test('text beyond ASCII survives however the workbook is cut into chunks', async () => {
  const text = (i: number) => `Équipe ${i} ${'ü'.repeat(i % 7)}— café ☕ 😀`;
  const many = Array.from({ length: 3000 }, (_, i) => [text(i), `Q${i % 4}`, `${i}é`]);
  const result = rows(await readTable(await xlsx([columns, ...many]), { columns, maxRows: 5000 }));
  assert.equal(result.length, 3000);
  assert.deepEqual(
    result.filter(({ row, cells }) => cells[0] !== text(row - 2) || cells[2] !== `${row - 2}é`),
    [],
  );
});

test('a damaged workbook is a problem with the file, not an exception or a wait', async () => {
  const { data } = await xlsx([columns, ...Array.from({ length: 2000 }, (_, i) => [`P${i}`, 'Q1', i])]);
  const sheet = data.indexOf('xl/worksheets/sheet1.xml');
  data.fill(0x55, sheet + 200, sheet + 400);
  const message = 'The file could not be read as an Excel workbook: save it again from Excel and retry';
  assert.deepEqual(problems(await readTable({ filename: 'x.xlsx', data }, { columns, maxRows: 5000 })), [
    { row: 0, message },
  ]);
  // Cut short, as an interrupted download is: its table of contents is gone.
  const whole = (await xlsx([columns])).data;
  const cut = whole.subarray(0, whole.length - 30);
  assert.deepEqual(problems(await readTable({ filename: 'x.xlsx', data: cut }, expected)), [
    { row: 0, message },
  ]);
});

test('column letters run A to Z, then AA on, as in a spreadsheet', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter), [
    'A',
    'B',
    'Z',
    'AA',
    'AB',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
    'XFD',
  ]);
  assert.throws(() => columnLetter(-1), RangeError);
  assert.throws(() => columnLetter(1.5), RangeError);
});

test('a published dataset’s own columns are passed over when asked, and its columns found by name', async () => {
  const csv = Buffer.from(
    'area_code,area_name,period,indicator,measure,unit,value\nE92000001,England,2017/18,X,Percentage,Persons,88\n',
  );
  const read = await readTable(
    { filename: 'data.csv', data: csv },
    { columns: ['area_code', 'period', 'value'], maxRows: 10, otherColumns: 'ignore' },
  );
  assert.deepEqual(read, {
    ok: true,
    kind: 'csv',
    rows: [{ row: 2, cells: ['E92000001', '2017/18', '88'] }],
  });
  const missing = await readTable(
    { filename: 'data.csv', data: csv },
    { columns: ['area_code', 'year'], maxRows: 10, otherColumns: 'ignore' },
  );
  assert.deepEqual(missing, {
    ok: false,
    problems: [{ row: 1, message: "The file has no column headed 'year'" }],
  });
});
