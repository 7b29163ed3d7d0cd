import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChartSvg, chartCacheStats, type LineSeries, lineChartSvg } from './charts.ts';

const NASTY = `<script>alert(1)</script> "&'`;
const NASTY_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** The opening tags of the marks of one kind ('line', 'symbol', 'rect'), in drawing order. */
function marks(svg: string, kind: string): string[] {
  const groups = svg.match(new RegExp(`<g class="mark-${kind} role-mark[^"]*">.*?</g>`, 'g')) ?? [];
  return groups.flatMap((g) => g.match(/<path [^>]*>/g) ?? []);
}

/** The texts of one kind of label ('axis-label', 'legend-label', 'title-text'), in drawing order. */
function texts(svg: string, role: string): { text: string; x: number; tag: string }[] {
  const groups = svg.match(new RegExp(`<g class="mark-text role-${role}"[^>]*>.*?</g>`, 'g')) ?? [];
  return groups.flatMap((g) =>
    [...g.matchAll(/(<text [^>]*transform="translate\(([-\d.]+),[^>]*>)([^<]*)<\/text>/g)].map((m) => ({
      tag: m[1] ?? '',
      x: Number(m[2]),
      text: m[3] ?? '',
    })),
  );
}

const attr = (tag: string, name: string) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];

const quarters = ['Q3 2025-26', 'Q4 2025-26', 'Q1 2026-27', 'Q2 2026-27'];
const series: LineSeries[] = [
  { name: 'Our area', points: quarters.map((x, i) => ({ x, y: i === 1 ? null : 10 + i })) },
  { name: 'Region', points: quarters.map((x, i) => ({ x, y: 20 - i })) },
  { name: 'England', points: quarters.map((x, i) => ({ x, y: 15 + i })) },
];

test('a line chart shows the categories in the order given, not sorted', async () => {
  const svg = await lineChartSvg({ title: 'Referrals', yTitle: 'Rate', series });
  const labels = texts(svg, 'axis-label').filter((l) => quarters.includes(l.text));
  assert.deepEqual(
    labels.map((l) => l.text),
    quarters,
  );
  const xs = labels.map((l) => l.x);
  assert.deepEqual(
    xs,
    [...xs].sort((a, b) => a - b),
  );
  assert.ok(svg.includes('>Referrals</text>'));
  assert.ok(svg.includes('>Rate</text>'));
});

test('a null is a gap in the line, never a zero', async () => {
  const svg = await lineChartSvg({ title: 'Referrals', yTitle: 'Rate', series });
  const [ours, region] = marks(svg, 'line').map((tag) => attr(tag, 'd') ?? '');
  assert.equal(ours?.match(/M/g)?.length, 2, 'the line breaks at the missing quarter');
  assert.equal(region?.match(/M/g)?.length, 1);
  // The first line has three vertices, not four with one at zero; its points likewise.
  assert.equal(ours?.match(/[ML]/g)?.length, 3);
  assert.equal(marks(svg, 'symbol').length, 3 + 4 + 4);
});

test('each series has its own GOV.UK colour and a legend, in the order given', async () => {
  const svg = await lineChartSvg({ title: 'Referrals', yTitle: 'Rate', series });
  assert.deepEqual(
    marks(svg, 'line').map((tag) => attr(tag, 'stroke')),
    ['#1d70b8', '#f47738', '#00703c'],
  );
  assert.deepEqual(
    texts(svg, 'legend-label').map((l) => l.text),
    ['Our area', 'Region', 'England'],
  );
  const single = await lineChartSvg({ title: 'T', yTitle: 'Y', series: series.slice(0, 1) });
  assert.equal(texts(single, 'legend-label').length, 0, 'one series needs no legend');
});

test('the unit follows every value on the y axis', async () => {
  const svg = await lineChartSvg({ title: 'T', yTitle: 'Share', series, yUnit: '%' });
  const values = texts(svg, 'axis-label').filter((l) => !quarters.includes(l.text));
  assert.ok(values.length > 2);
  for (const v of values) assert.match(v.text, /^\d+%$/);
});

test('a bar chart keeps the order given, leaves out missing bars and marks our area', async () => {
  const svg = await barChartSvg({
    title: 'Children in need',
    yTitle: 'Rate per 10,000',
    bars: [
      { label: 'Zeta', value: 5 },
      { label: 'Alpha', value: null },
      { label: 'Our area', value: 7, highlight: true },
      { label: 'Beta', value: 3 },
    ],
  });
  const labels = texts(svg, 'axis-label').filter((l) => /[a-z]/.test(l.text));
  assert.deepEqual(
    labels.map((l) => l.text),
    ['Zeta', 'Alpha', 'Our area', 'Beta'],
  );
  assert.deepEqual(
    labels.map((l) => attr(l.tag, 'font-weight')),
    ['normal', 'normal', 'bold', 'normal'],
  );
  const bars = marks(svg, 'rect');
  assert.equal(bars.length, 3, 'the missing bar is not drawn as zero');
  assert.deepEqual(
    bars.map((tag) => attr(tag, 'fill')),
    ['#1d70b8', '#f47738', '#1d70b8'],
  );
  assert.equal(attr(bars[1] ?? '', 'stroke'), '#0b0c0c');
});

test('caller text arrives escaped, and nothing can run', async () => {
  const line = await lineChartSvg({
    title: NASTY,
    yTitle: NASTY,
    yUnit: NASTY,
    series: [{ name: NASTY, points: [{ x: NASTY, y: 1 }] }, series[1] as LineSeries],
  });
  const bar = await barChartSvg({
    title: NASTY,
    yTitle: NASTY,
    bars: [{ label: NASTY, value: 1, highlight: true }],
  });
  for (const svg of [line, bar]) {
    assert.doesNotMatch(svg, /<script/i);
    assert.ok(svg.includes(`aria-label="${NASTY_ESCAPED} &quot;&amp;&#39;"`));
    assert.ok(svg.includes(`<title>${NASTY_ESCAPED} &quot;&amp;&#39;</title>`));
    assert.ok(svg.includes(`>${NASTY_ESCAPED} "&amp;'</text>`));
  }
  assert.ok(texts(line, 'legend-label').some((l) => l.text.startsWith(NASTY_ESCAPED)));
  assert.ok(texts(bar, 'axis-label').some((l) => l.text.startsWith(NASTY_ESCAPED)));
});

test('the SVG passes a strict CSP: no styles, scripts, handlers, links or ids', async () => {
  const svgs = [
    await lineChartSvg({ title: 'T', yTitle: 'Y', series, yUnit: '%' }),
    await barChartSvg({ title: 'T', yTitle: 'Y', bars: [{ label: 'a', value: 1, highlight: true }] }),
  ];
  for (const svg of svgs) {
    assert.doesNotMatch(svg, /<style|<script|<foreignObject|<a[\s>]|<image/i);
    for (const [tag] of svg.matchAll(/<[a-zA-Z][^>]*>/g)) {
      const names = [...tag.matchAll(/\s([^\s=]+)="/g)].map((m) => m[1] ?? '');
      for (const name of names) {
        assert.notEqual(name, 'style', tag);
        assert.notEqual(name, 'id', tag);
        assert.doesNotMatch(name, /^on|href/i, tag);
      }
    }
  }
});

test('the SVG is an image named by its title that scales to its container', async () => {
  const svg = await lineChartSvg({ title: 'Referrals by quarter', yTitle: 'Rate', series });
  const root = svg.match(/^<svg [^>]*>/)?.[0] ?? '';
  assert.equal(attr(root, 'role'), 'img');
  assert.equal(attr(root, 'aria-label'), 'Referrals by quarter');
  assert.match(attr(root, 'viewBox') ?? '', /^0 0 \d+ \d+$/);
  assert.equal(attr(root, 'width'), '100%');
  assert.equal(attr(root, 'height'), undefined);
  assert.equal(attr(root, 'font-family'), 'arial, sans-serif');
  assert.ok(svg.startsWith(`${root}<title>Referrals by quarter</title>`));
  assert.ok(svg.endsWith('</svg>'));
});

test('the same input always draws the same SVG', async () => {
  const draw = () => lineChartSvg({ title: 'T', yTitle: 'Y', series, yUnit: '%' });
  const first = await draw();
  await barChartSvg({ title: 'Other', yTitle: 'Y', bars: [{ label: 'x', value: 2 }] });
  assert.equal(await draw(), first);
  const bars = { title: 'B', yTitle: 'Y', bars: [{ label: 'x', value: 2, highlight: true }] };
  assert.equal(await barChartSvg(bars), await barChartSvg(bars));
});

test('a chart asked for again is not drawn again, and a changed figure is drawn anew', async () => {
  const input = (y: number) => ({
    title: 'Kept',
    yTitle: 'Y',
    series: [{ name: 'Our area', points: [{ x: 'Q1', y }] }],
  });
  const first = await lineChartSvg(input(7));
  const before = chartCacheStats();
  assert.equal(await lineChartSvg(input(7)), first);
  assert.equal(chartCacheStats().hits, before.hits + 1);
  assert.equal(chartCacheStats().misses, before.misses);
  const changed = await lineChartSvg(input(8));
  assert.notEqual(changed, first);
  assert.equal(chartCacheStats().misses, before.misses + 1);
  // The title is part of what is kept: the same figures under another title are another drawing.
  assert.match(await lineChartSvg({ ...input(7), title: 'Other' }), /<title>Other<\/title>/);
});
