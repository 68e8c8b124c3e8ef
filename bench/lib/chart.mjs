// docs/benchmarks.svg, drawn by hand: quality against gzip size shipped on the
// left, median query latency on the right. Colour is the library and shape the
// corpus in both panels, so a point can be followed from one to the other.
import { K } from './metrics.mjs';
import * as format from './format.mjs';

const WIDTH = 960;
const HEIGHT = 440;
const PANEL = { top: 56, bottom: 360 };
const LEFT = { x0: 70, x1: 450 };
const RIGHT = { x0: 610, x1: 930 };
// Okabe–Ito colours, told apart with any colour vision.
const COLOURS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const SHAPES = ['circle', 'square', 'triangle'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function marker(shape, x, y, colour) {
  const r = 5.5;
  const attrs = `fill="${colour}" fill-opacity="0.85" stroke="#fff" stroke-width="1"`;
  if (shape === 'circle') return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" ${attrs}/>`;
  if (shape === 'square') return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" ${attrs}/>`;
  const points = [
    [x, y - r * 1.2],
    [x - r * 1.1, y + r * 0.8],
    [x + r * 1.1, y + r * 0.8],
  ];
  return `<polygon points="${points.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ')}" ${attrs}/>`;
}

const text = (x, y, content, extra = '') => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${extra}>${escape(content)}</text>`;

// A log axis over whole powers of ten that cover every value.
function logScale(values, x0, x1) {
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const span = Math.max(1, hi - lo);
  return {
    at: (v) => x0 + ((Math.log10(v) - lo) / span) * (x1 - x0),
    ticks: Array.from({ length: span + 1 }, (_, i) => 10 ** (lo + i)),
  };
}

function xAxis(scale, label, tickLabel) {
  const parts = [`<line x1="${scale.at(scale.ticks[0])}" y1="${PANEL.bottom}" x2="${scale.at(scale.ticks.at(-1))}" y2="${PANEL.bottom}" stroke="#333"/>`];
  for (const tick of scale.ticks) {
    const x = scale.at(tick);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${PANEL.top}" x2="${x.toFixed(1)}" y2="${PANEL.bottom}" stroke="#e4e4e4"/>`);
    parts.push(text(x, PANEL.bottom + 16, tickLabel(tick), 'text-anchor="middle"'));
  }
  const middle = (scale.at(scale.ticks[0]) + scale.at(scale.ticks.at(-1))) / 2;
  parts.push(text(middle, PANEL.bottom + 36, label, 'text-anchor="middle" font-weight="bold"'));
  return parts.join('\n');
}

function qualityPanel(corpora, colourOf) {
  const sizes = corpora.flatMap((c) => c.peers.map((p) => p.shipped.gzip));
  const x = logScale(sizes, LEFT.x0, LEFT.x1);
  const y = (mrr) => PANEL.bottom - mrr * (PANEL.bottom - PANEL.top);
  const parts = [text(LEFT.x0, PANEL.top - 14, `Quality (MRR@${K}) against size shipped (gzip)`, 'font-weight="bold"')];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${LEFT.x0}" y1="${y(v)}" x2="${LEFT.x1}" y2="${y(v)}" stroke="#e4e4e4"/>`);
    parts.push(text(LEFT.x0 - 8, y(v) + 4, v.toFixed(2), 'text-anchor="end"'));
  }
  parts.push(xAxis(x, 'bytes shipped, gzip (log scale)', format.bytes));
  corpora.forEach((corpus, c) => {
    for (const peer of corpus.peers) {
      parts.push(marker(SHAPES[c], x.at(peer.shipped.gzip), y(peer.quality.mrr), colourOf(peer.name)));
    }
  });
  return parts.join('\n');
}

function latencyPanel(corpora, names, colourOf) {
  const latencies = corpora.flatMap((c) => c.peers.map((p) => p.p50));
  const x = logScale(latencies, RIGHT.x0, RIGHT.x1);
  const row = (PANEL.bottom - PANEL.top) / names.length;
  const parts = [text(RIGHT.x0 - 90, PANEL.top - 14, 'Median query latency (Node)', 'font-weight="bold"')];
  parts.push(xAxis(x, 'p50 per query (log scale)', (v) => `${Number(v.toPrecision(1))} ms`));
  names.forEach((name, i) => {
    const y = PANEL.top + row * (i + 0.5);
    parts.push(text(RIGHT.x0 - 10, y + 4, name, `text-anchor="end" fill="${colourOf(name)}" font-weight="bold"`));
    corpora.forEach((corpus, c) => {
      const peer = corpus.peers.find((p) => p.name === name);
      if (peer) parts.push(marker(SHAPES[c], x.at(peer.p50), y + (c - 1) * 7, colourOf(name)));
    });
  });
  return parts.join('\n');
}

function legend(corpora, names, colourOf) {
  const y = HEIGHT - 26;
  const parts = [];
  let x = LEFT.x0;
  names.forEach((name) => {
    parts.push(marker('circle', x, y - 4, colourOf(name)), text(x + 10, y, name));
    x += 20 + name.length * 8;
  });
  x += 30;
  corpora.forEach((corpus, c) => {
    parts.push(marker(SHAPES[c], x, y - 4, '#555'), text(x + 10, y, corpus.title));
    x += 24 + corpus.title.length * 7.5;
  });
  return parts.join('\n');
}

export function chart({ corpora }) {
  const names = corpora[0].peers.map((p) => p.name);
  const colourOf = (name) => COLOURS[names.indexOf(name) % COLOURS.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12" fill="#222">
<title>Fahras and other in-browser search libraries on Arabic corpora: MRR@${K} against gzip size shipped, and median query latency</title>
<rect width="100%" height="100%" fill="#fff"/>
${qualityPanel(corpora, colourOf)}
${latencyPanel(corpora, names, colourOf)}
${legend(corpora, names, colourOf)}
</svg>
`;
}
