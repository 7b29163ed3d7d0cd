import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import nunjucks from 'nunjucks';
import { frameSet, installFrameSet } from './nunjucks-frame.ts';

type Frame = {
  variables: Record<string, unknown>;
  set: (...args: unknown[]) => void;
  push(isolate?: boolean): Frame;
};
const runtime = (nunjucks as unknown as { runtime: { Frame: { new (): Frame; prototype: Frame } } }).runtime;
const original = runtime.Frame.prototype.set;

/** The frames a scenario leaves, with nunjucks's own set or ours. */
function run(set: (...args: unknown[]) => void, scenario: (parent: Frame, child: Frame) => void) {
  const saved = runtime.Frame.prototype.set;
  runtime.Frame.prototype.set = set;
  try {
    const parent = new runtime.Frame();
    parent.set('shared', 'parent');
    parent.set('loop.index', 1);
    const child = parent.push();
    const isolated = parent.push(true);
    scenario(parent, child);
    scenario(parent, isolated);
    return { parent: parent.variables, child: child.variables, isolated: isolated.variables };
  } finally {
    runtime.Frame.prototype.set = saved;
  }
}

const scenarios: [string, (parent: Frame, child: Frame) => void][] = [
  ['a plain name', (_p, c) => c.set('x', 1)],
  [
    'dotted names build nested objects',
    (_p, c) => {
      c.set('loop.index', 2);
      c.set('loop.first', true);
    },
  ],
  [
    'a name set again',
    (_p, c) => {
      c.set('x', 1);
      c.set('x', 2);
    },
  ],
  ['resolving up to a parent that has it', (_p, c) => c.set('shared', 'child', true)],
  ['resolving up a dotted name', (_p, c) => c.set('loop.index', 7, true)],
  ['resolving up a name no frame has', (_p, c) => c.set('fresh.deep.name', 3, true)],
  ['the parent itself', (p) => p.set('shared', 'again', true)],
];

test('Frame.set does what nunjucks 3.2.4 does, for plain, dotted and resolved names', () => {
  for (const [what, scenario] of scenarios) {
    assert.deepEqual(run(frameSet as never, scenario), run(original, scenario), what);
  }
});

test('the renderer uses it, and nunjucks is the version it copies', () => {
  installFrameSet();
  assert.equal(runtime.Frame.prototype.set, frameSet);
  const { version } = createRequire(import.meta.url)('nunjucks/package.json') as { version: string };
  assert.equal(version, '3.2.4', 'a new nunjucks: compare its Frame.set with frameSet before moving on');
});
