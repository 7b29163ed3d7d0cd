/**
 * An uploaded template as rows of figures, and its problems as messages naming the row and the
 * spreadsheet column, for the page's error summary.
 */
import { columnLetter, readTable } from '../../platform/files/tables.ts';
import type { UploadedFile } from '../../platform/files/uploads.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { FIGURE_COLUMNS, type FigureProblem, type FigureRowInput, MAX_UPLOAD_ROWS } from './figures.ts';

/** The error summary shows this many problems of a bad file, then says how many more there are. */
export const PROBLEMS_SHOWN = 25;

const isFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);

export async function readFigureRows(
  file: unknown,
): Promise<{ ok: true; rows: FigureRowInput[] } | { ok: false; errors: FieldError[] }> {
  if (!isFile(file) || file.data.length === 0)
    return { ok: false, errors: [{ field: 'file', message: 'Choose a CSV or Excel file to upload' }] };
  const read = await readTable(file, { columns: FIGURE_COLUMNS, maxRows: MAX_UPLOAD_ROWS });
  if (!read.ok)
    return {
      ok: false,
      errors: limited(
        read.problems.map((p) => ({
          field: 'file',
          message:
            p.row > 0 ? `Row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}` : p.message,
        })),
      ),
    };
  return {
    ok: true,
    rows: read.rows.map(({ row, cells }) => ({
      row,
      agency: cells[0] ?? '',
      indicator: cells[1] ?? '',
      period: cells[2] ?? '',
      value: cells[3] ?? '',
    })),
  };
}

/** Problems with checked rows, as the summary shows them: 'Row 7, column D (value): …'. */
export function uploadErrors(problems: FigureProblem[]): FieldError[] {
  return limited(
    problems.map((p) => ({
      field: 'file',
      message: `Row ${p.row}, column ${columnLetter(FIGURE_COLUMNS.indexOf(p.column))} (${p.column}): ${p.message}`,
    })),
  );
}

function limited(errors: FieldError[]): FieldError[] {
  if (errors.length <= PROBLEMS_SHOWN) return errors;
  const more = errors.length - PROBLEMS_SHOWN;
  return [
    ...errors.slice(0, PROBLEMS_SHOWN),
    {
      field: 'file',
      message: `and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'}: nothing was saved`,
    },
  ];
}

/** What the page says after an upload: '1 figure saved from the upload'. */
export const uploadedText = (n: number) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? 'figure' : 'figures'} saved from the upload`;
