import type { FastifyReply } from 'fastify';

/**
 * Sends a stored file as a download: its checked type, never shown inline (so a file can't run as a
 * page of the service), with its name in both the plain and the UTF-8 forms of Content-Disposition.
 */
export function sendFile(
  reply: FastifyReply,
  file: { filename: string; mediaType: string; content: Uint8Array },
) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  return reply
    .header('content-type', file.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.content));
}
