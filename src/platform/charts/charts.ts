/**
 * Accessible SVG charts drawn on the server with Vega-Lite (compiled to Vega, rendered headless by
 * `view.toSVG()` with `renderer: 'none'`, so no canvas and no browser). The SVG is inlined in pages
 * served under a strict Content-Security-Policy, so the markup is rebuilt from a whitelist: no
 * `style` attributes or elements, no scripts, no event handlers, no ids (two charts on one page must
 * not clash). Every chart is `role="img"` with the title as its accessible name; the page shows the
 * same figures in a table beside it, which is where a screen reader user reads them.
 *
 * Caller text (titles, labels, series names, units) only ever enters the Vega spec as data values,
 * scale domains, titles or signal values, never inside an expression, and Vega escapes it when it
 * writes the SVG. The expressions in the specs are constants.
 *
 * Cost (measured, Node 24, 2-core box): a line chart of 3 series × 40 points takes about 20 ms to
 * compile and render once warm (30 ms with the machine busy); the first chart in a process takes
 * about 100–200 ms, and importing Vega and Vega-Lite about 200 ms. So a drawing is kept by the
 * digest of everything it is drawn from (the spec and the title): a page asked for again draws
 * nothing until its figures change, and the figures behind a chart change a few times a quarter.
 */
import { createHash } from 'node:crypto';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Memo } from '../cache/memo.ts';
import { wideAsReferences } from '../views/char-refs.ts';

export type LinePoint = { x: string; y: number | null };
export type LineSeries = { name: string; points: LinePoint[] };
export type Bar = { label: string; value: number | null; highlight?: boolean };

/** The GOV.UK palette, in the order line series take it. */
const PALETTE = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#505a5f'];
const TEXT = '#0b0c0c';
const RULE = '#b1b4b6';
const BAR = '#1d70b8';
const BAR_HIGHLIGHT = '#f47738';
const FONT = 'arial, sans-serif';
/** The drawing's own size; on the page it scales to the width of its container. */
const WIDTH = 640;
const HEIGHT = 360;
/** The room the plot gets across, roughly: the drawing less the y axis. */
const PLOT_WIDTH = WIDTH - 80;
const LABEL_SIZE = 14;

const config = {
  font: FONT,
  background: 'transparent',
  aria: false,
  padding: 8,
  autosize: { type: 'fit', contains: 'padding' },
  view: { stroke: null },
  title: { fontSize: 19, color: TEXT, anchor: 'start', offset: 12 },
  axis: {
    labelFontSize: LABEL_SIZE,
    labelColor: TEXT,
    titleFontSize: 16,
    titleColor: TEXT,
    titleFontWeight: 'normal',
    domainColor: TEXT,
    tickColor: TEXT,
    gridColor: RULE,
    labelLimit: 180,
  },
  legend: { labelFontSize: LABEL_SIZE, labelColor: TEXT, symbolSize: 120, symbolStrokeWidth: 3 },
  line: { strokeWidth: 3 },
  point: { size: 50, filled: true },
} as const;

const finite = (n: number | null): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);
const unique = (xs: string[]): string[] => [...new Set(xs)];

/**
 * The x labels lie flat when they fit side by side, are turned to 45° when they do not, and stand
 * upright when even that is too crowded, with every other label left out until they stop touching.
 */
function xAxis(categories: string[]) {
  const step = PLOT_WIDTH / Math.max(1, categories.length);
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, LABEL_SIZE)));
  if (widest <= step - 8) return { labelAngle: 0, labelLimit: Math.floor(step - 8) };
  if (step >= LABEL_SIZE * 1.5) return { labelAngle: -45, labelLimit: 180 };
  return { labelAngle: -90, labelLimit: 180, labelOverlap: 'parity', labelSeparation: 4 } as const;
}

/** The legend sets series names in as many columns as their widths allow, up to three. */
function legend(names: string[]) {
  const widest = Math.max(0, ...names.map((n) => textWidth(n, LABEL_SIZE)));
  // Each entry is a symbol, its label and a gap: about 30 pixels besides the label.
  const limit = (columns: number) => Math.floor(PLOT_WIDTH / columns) - 30;
  const columns = [3, 2].find((c) => widest <= limit(c)) ?? 1;
  return {
    title: null,
    orient: 'top',
    direction: 'horizontal',
    columns,
    labelLimit: limit(columns),
  } as const;
}

/**
 * A line chart: one line per series, over the categories in the order they first appear (points
 * with the same x label share a category). A null value is a gap in its line.
 */
export function lineChartSvg(o: {
  title: string;
  yTitle: string;
  series: LineSeries[];
  /** Shown after every value on the y axis, as given: '%', ' days'. */
  yUnit?: string;
}): Promise<string> {
  const names = unique(o.series.map((s) => String(s.name)));
  const categories = unique(o.series.flatMap((s) => s.points.map((p) => String(p.x))));
  const values = o.series.flatMap((s) =>
    s.points.map((p) => ({ series: String(s.name), x: String(p.x), y: finite(p.y) })),
  );
  const spec: TopLevelSpec = {
    width: WIDTH,
    height: HEIGHT,
    title: String(o.title),
    params: [{ name: 'yUnit', value: o.yUnit ?? '' }],
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'x', type: 'ordinal', scale: { domain: categories }, title: null, axis: xAxis(categories) },
      y: {
        field: 'y',
        type: 'quantitative',
        title: String(o.yTitle),
        // A constant expression: the unit is a signal's value, never part of the code.
        axis: o.yUnit ? { labelExpr: 'datum.label + yUnit' } : {},
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: names, range: names.map((_, i) => PALETTE[i % PALETTE.length] ?? TEXT) },
        legend: names.length > 1 ? legend(names) : null,
      },
    },
    config,
  };
  return render(spec, o.title);
}

/**
 * A bar chart in the order given; labels should be unique, and a null value leaves its bar out
 * (its label stays on the axis). A highlighted bar ("our area") is drawn in another colour with a
 * dark outline, and its axis label is bold, so colour is not the only mark of it.
 */
export function barChartSvg(o: { title: string; yTitle: string; bars: Bar[] }): Promise<string> {
  const categories = unique(o.bars.map((b) => String(b.label)));
  const values = o.bars.map((b) => ({
    label: String(b.label),
    value: finite(b.value),
    fill: b.highlight ? BAR_HIGHLIGHT : BAR,
    stroke: b.highlight ? TEXT : BAR,
  }));
  const highlighted = unique(o.bars.filter((b) => b.highlight).map((b) => String(b.label)));
  const spec: TopLevelSpec = {
    width: WIDTH,
    height: HEIGHT,
    title: String(o.title),
    params: [{ name: 'highlighted', value: highlighted }],
    data: { values },
    mark: { type: 'bar', strokeWidth: 2 },
    encoding: {
      x: {
        field: 'label',
        type: 'nominal',
        scale: { domain: categories },
        title: null,
        axis: {
          ...xAxis(categories),
          // A constant expression: the highlighted labels are a signal's value.
          labelFontWeight: {
            condition: { test: 'indexof(highlighted, datum.value) >= 0', value: 'bold' },
            value: 'normal',
          },
        },
      },
      y: { field: 'value', type: 'quantitative', title: String(o.yTitle) },
      // The colours are ours, set per bar in the data; scale: null draws the value as it is.
      fill: { field: 'fill', type: 'nominal', scale: null, legend: null },
      stroke: { field: 'stroke', type: 'nominal', scale: null, legend: null },
    },
    config,
  };
  return render(spec, o.title);
}

// ---- Text measurement ------------------------------------------------------------------------

/**
 * Arial's advance widths in thousandths of an em (Helvetica's, which Arial matches), for printable
 * ASCII; anything else counts as 600. Without a canvas Vega guesses every character at 0.8 em, which
 * cuts labels short and spaces legends wide, so it is given this instead.
 */
const ADVANCES: Record<number, string> = {
  191: "'",
  222: 'ijl',
  260: '|',
  278: ' !,./:;I[\\]ft',
  333: '()-`r',
  334: '{}',
  355: '"',
  389: '*',
  469: '^',
  500: 'Jcksvxyz',
  556: '#$0123456789?L_abdeghnopqu',
  584: '+<=>~',
  611: 'FTZ',
  667: '&ABEKPSVXY',
  722: 'CDHNRUw',
  778: 'GOQ',
  833: 'Mm',
  889: '%',
  944: 'W',
  1015: '@',
};
const ADVANCE = new Map<string, number>(
  Object.entries(ADVANCES).flatMap(([width, chars]) =>
    [...chars].map((c) => [c, Number(width) / 1000] as const),
  ),
);

function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const c of text.trim()) ems += ADVANCE.get(c) ?? 0.6;
  return ems * fontSize * (bold ? 1.1 : 1);
}

type TextItem = { fontSize?: number; fontWeight?: string | number; limit?: number };
/** Vega's hook for measuring text (vega-scenegraph's textMetrics), which it exports but does not type. */
const { textMetrics } = vega as unknown as {
  textMetrics: { width: (item: TextItem, text: unknown) => number };
};
textMetrics.width = (item, text) => {
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const width = textWidth(text == null ? '' : String(text), item.fontSize ?? 11, bold);
  // Vega measures a label before cutting it to its limit; a cut label is never wider than the limit.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
};

/** Vega and Vega-Lite log warnings to the console; only errors are worth a server's log. */
const quiet = vega.logger(vega.Error);

/** The drawings most recently asked for: at about 10–30 KB each, a few megabytes at most. */
const drawings = new Memo<string>(200);

/** How often a drawing was reused, for tests and diagnostics. */
export const chartCacheStats = () => drawings.stats;

function render(spec: TopLevelSpec, title: string): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify(spec))
    .update('\u0000')
    .update(title)
    .digest('base64');
  return drawings.get(key, () => draw(spec, title));
}

async function draw(spec: TopLevelSpec, title: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), {
    renderer: 'none',
    logger: quiet,
  });
  try {
    return cleanSvg(await view.toSVG(), String(title));
  } finally {
    view.finalize();
  }
}

// ---- Post-processing -------------------------------------------------------------------------

const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The elements Vega draws these charts with; anything else is a surprise and fails the render. */
const ELEMENTS = new Set(['svg', 'g', 'path', 'line', 'rect', 'text', 'tspan', 'circle']);

/** Presentation attributes, which CSP's style-src does not govern, and the geometry Vega writes. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-miterlimit',
  'opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'text-anchor',
  'display',
  'pointer-events',
]);
const ATTRIBUTES = new Set([
  ...PRESENTATION,
  'class',
  'transform',
  'd',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'dx',
  'dy',
  'cx',
  'cy',
  'r',
  'width',
  'height',
  'aria-hidden',
]);

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /\s+([^\s=/>]+)="([^"]*)"/g;

/**
 * Rebuilds Vega's SVG from a whitelist. Vega writes every attribute value double-quoted with `"`, `<`
 * and `>` escaped, and escapes `<` and `>` in text, so every `<` in its output opens a tag and the
 * tags can be read reliably. The root is replaced by one that scales to its container, is named by
 * the title and carries the font; `style` declarations become presentation attributes or go; any
 * other attribute or element outside the whitelist is dropped or refused.
 */
function cleanSvg(svg: string, title: string): string {
  let out = '';
  let last = 0;
  let sawRoot = false;
  for (const m of svg.matchAll(TAG)) {
    const [whole, closing = '', name = '', attrs = '', selfClosing = ''] = m;
    out += svg.slice(last, m.index);
    last = m.index + whole.length;
    if (!ELEMENTS.has(name)) throw new Error(`chart SVG has an unexpected <${name}> element`);
    if (name === 'svg') {
      if (closing) {
        out += '</svg>';
        continue;
      }
      if (sawRoot) throw new Error('chart SVG has a nested <svg> element');
      sawRoot = true;
      out += rootTag(attrs, title);
      continue;
    }
    if (closing) {
      out += `</${name}>`;
      continue;
    }
    out += `<${name}${cleanAttributes(attrs)}${selfClosing ? '/>' : '>'}`;
  }
  out += svg.slice(last);
  if (!sawRoot || /[<>]/.test(out.replace(TAG, ''))) throw new Error('chart SVG could not be read');
  // Vega writes a minus as U+2212: as a reference, the page the chart goes in stays one byte a character.
  return wideAsReferences(out);
}

function rootTag(attrs: string, title: string): string {
  const viewBox = [...attrs.matchAll(ATTRIBUTE)].find(([, k]) => k === 'viewBox')?.[2] ?? '';
  if (!/^0 0 \d+(?:\.\d+)? \d+(?:\.\d+)?$/.test(viewBox)) throw new Error('chart SVG has no viewBox');
  const name = escapeXml(title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="100%" role="img" ` +
    `aria-label="${name}" focusable="false" font-family="${FONT}"><title>${name}</title>`
  );
}

function cleanAttributes(attrs: string): string {
  const kept = new Map<string, string>();
  for (const [, key = '', value = ''] of attrs.matchAll(ATTRIBUTE)) {
    if (key === 'style') {
      for (const declaration of value.split(';')) {
        const i = declaration.indexOf(':');
        const prop = declaration.slice(0, i).trim().toLowerCase();
        const val = declaration.slice(i + 1).trim();
        if (i > 0 && PRESENTATION.has(prop) && /^[\w#.,%() -]+$/.test(val) && !kept.has(prop))
          kept.set(prop, val);
      }
    } else if (ATTRIBUTES.has(key)) {
      kept.set(key, value);
    }
  }
  return [...kept].map(([key, value]) => ` ${key}="${value}"`).join('');
}
