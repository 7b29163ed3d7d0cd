import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { TEMPLATE_OPTIONS } from './render.ts';

type Node = { typename: string; fields: string[]; lineno: number; value?: unknown } & Record<string, unknown>;
const { parser } = nunjucks as unknown as {
  parser: { parse(src: string, extensions: [], opts: object): Node };
};

const SRC = path.resolve(import.meta.dirname, '../..');
const templates = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.njk'));

/** Every piece of a template's own text (outside its tags), with its line. */
function* textOf(node: unknown): Generator<{ line: number; text: string }> {
  if (Array.isArray(node)) {
    for (const child of node) yield* textOf(child);
    return;
  }
  if (!node || typeof node !== 'object' || !('typename' in node)) return;
  const n = node as Node;
  if (n.typename === 'TemplateData') yield { line: n.lineno + 1, text: String(n.value) };
  for (const field of n.fields) yield* textOf(n[field]);
}

test('templates write characters above U+00FF in their own text as references (&rsquo;), so pages stay one byte a character', () => {
  assert.ok(templates.length > 50, `found ${templates.length} templates`);
  const found: string[] = [];
  for (const file of templates) {
    const root = parser.parse(readFileSync(path.join(SRC, file), 'utf8'), [], TEMPLATE_OPTIONS);
    for (const { line, text } of textOf(root)) {
      for (const c of text.match(/[\u0100-\u{10FFFF}]/gu) ?? [])
        found.push(
          `${file}:${line} has “${c}”: write &#${c.codePointAt(0)}; or its named reference (&rsquo; for ’)`,
        );
    }
  }
  assert.deepEqual(found, []);
});
