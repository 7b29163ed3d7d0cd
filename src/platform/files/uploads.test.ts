import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUpload, MAX_UPLOAD_BYTES, safeFilename } from './uploads.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

test('a PDF or a PNG passes by its content, whatever its name', async () => {
  assert.deepEqual(await checkUpload({ filename: 'minutes.exe', data: pdf, truncated: false }), {
    ok: true,
    mediaType: 'application/pdf',
  });
  assert.deepEqual(await checkUpload({ filename: 'chart.pdf', data: png, truncated: false }), {
    ok: true,
    mediaType: 'image/png',
  });
});

test('a script, an empty file and a file over the limit are refused with their reason', async () => {
  const script = await checkUpload({
    filename: 'paper.pdf',
    data: Buffer.from('<script>alert(1)</script>'),
    truncated: false,
  });
  assert.equal(script.ok, false);
  assert.match(script.ok ? '' : script.message, /^The file must be one of these: PDF, Word, Excel/);
  assert.deepEqual(await checkUpload(undefined), { ok: false, message: 'Choose a file to upload' });
  assert.deepEqual(await checkUpload({ filename: 'x', data: Buffer.alloc(0), truncated: false }), {
    ok: false,
    message: 'Choose a file to upload',
  });
  assert.deepEqual(await checkUpload({ filename: 'big.pdf', data: pdf, truncated: true }), {
    ok: false,
    message: 'The file must be 10 MB or smaller',
  });
  assert.equal(MAX_UPLOAD_BYTES, 10 * 1024 * 1024);
});

test('file names lose paths, quotes and control characters', () => {
  assert.equal(safeFilename('C:\\Users\\me\\Agenda "final".docx'), 'Agenda final.docx');
  assert.equal(safeFilename('../../etc/passwd'), 'passwd');
  assert.equal(safeFilename('a\u0000b\nc.pdf'), 'abc.pdf');
  assert.equal(safeFilename('///'), 'file');
});
