import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toDocx } from './docx.ts';
import { documentCacheStats } from './made.ts';
import { heading, table } from './model.ts';
import { toPdf } from './pdf.ts';

const pack = (status: string) => ({
  title: 'Executive: meeting pack',
  subtitle: '1 December 2026',
  footer: 'Executive, 1 December 2026 · made 23 November 2026',
  blocks: [heading('Escalation tracker'), table(['Ref', 'Status'], [['ESC-1', status]])],
});

test('the same document is laid out once: a repeat is the same file, a change makes it anew', async () => {
  const before = documentCacheStats();
  const first = await toPdf(pack('Open'));
  const again = await toPdf(pack('Open'));
  assert.equal(again, first, 'the second ask is handed the file the first made');
  assert.equal(documentCacheStats().hits, before.hits + 1);

  const changed = await toPdf(pack('Responded'));
  assert.notEqual(changed, first);
  assert.equal(documentCacheStats().misses, before.misses + 2);

  const word = await toDocx(pack('Open'));
  assert.notEqual(word, first, 'the Word file of the same model is another document');
  assert.equal(word.subarray(0, 2).toString(), 'PK');
  assert.equal(first.subarray(0, 5).toString(), '%PDF-');
  assert.equal(await toDocx(pack('Open')), word);
});
