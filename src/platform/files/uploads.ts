import { fileTypeFromBuffer } from 'file-type';

/** A file sent in a multipart form, read into memory up to the limit. */
export type UploadedFile = { filename: string; data: Buffer; truncated: boolean };

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The kinds of file a partnership shares as papers: office documents, PDF and images. */
export const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

/** A file name safe to send back in a Content-Disposition header and to show: no paths or controls. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/**
 * Checks an upload: present, within the size limit, and (by its content, not its name or the type the
 * browser claimed) one of the allowed types. Gives the detected type, or the message to show.
 */
export async function checkUpload(
  file: UploadedFile | undefined,
  allowed: Record<string, string> = DOCUMENT_TYPES,
): Promise<{ ok: true; mediaType: string } | { ok: false; message: string }> {
  // A field named "file" sent as text, not a file, is as good as no file.
  if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data) || file.data.length === 0)
    return { ok: false, message: 'Choose a file to upload' };
  if (file.truncated || file.data.length > MAX_UPLOAD_BYTES) {
    return { ok: false, message: `The file must be ${MAX_UPLOAD_BYTES / 1024 / 1024} MB or smaller` };
  }
  const detected = await fileTypeFromBuffer(file.data);
  if (!detected || !(detected.mime in allowed)) {
    const kinds = [...new Set(Object.values(allowed))].join(', ');
    return { ok: false, message: `The file must be one of these: ${kinds}` };
  }
  return { ok: true, mediaType: detected.mime };
}
