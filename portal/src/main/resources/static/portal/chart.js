// A small SVG line chart: values over time, with the range between minimum and maximum as a band when the points
// are aggregates. Self-written rather than a library: it needs only this, and its text alternative (the summary and
// the table beside it) comes from the same data.

const SVG = 'http://www.w3.org/2000/svg';
// the drawing is as wide as its place on the page, so its labels keep their size on a phone
const DEFAULT_WIDTH = 800;
const PAD = { left: 64, right: 16, top: 12, bottom: 30 };

function node(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * @param points [{ time: Date, value, min?, max? }] in time order, numbers only
 * @param from, to the period shown (Date)
 * @param label the accessible name (a summary of what the chart shows)
 * @param format { number(v), axisTime(date) } (common.js)
 * @param space the width in CSS pixels the chart will have
 */
export function lineChart(points, from, to, label, format, space) {
  const width = Math.max(280, Math.round(space || DEFAULT_WIDTH));
  const height = Math.round(Math.min(260, Math.max(180, width * 0.45)));
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  const lows = points.map((p) => (p.min ?? p.value));
  const highs = points.map((p) => (p.max ?? p.value));
  let low = Math.min(...lows);
  let high = Math.max(...highs);
  if (low === high) { low -= 1; high += 1; }
  const x = (time) => PAD.left + ((time - from) / (to - from)) * (width - PAD.left - PAD.right);
  const y = (value) => height - PAD.bottom - ((value - low) / (high - low)) * (height - PAD.top - PAD.bottom);

  svg.append(node('line', { class: 'axis', x1: PAD.left, y1: height - PAD.bottom, x2: width - PAD.right, y2: height - PAD.bottom }));
  svg.append(node('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: height - PAD.bottom }));
  [low, (low + high) / 2, high].forEach((value) => {
    svg.append(node('text', { x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, format.number(value)));
  });
  const middle = new Date((from.getTime() + to.getTime()) / 2);
  // three time labels where they fit side by side, else the two ends
  const ticks = width >= 480 ? [[from, 'start'], [middle, 'middle'], [to, 'end']] : [[from, 'start'], [to, 'end']];
  ticks.forEach(([time, anchor]) => {
    svg.append(node('text', { x: x(time), y: height - 8, 'text-anchor': anchor }, format.axisTime(time)));
  });
  if (points.some((p) => p.min !== undefined)) {
    const upper = points.map((p) => `${x(p.time)},${y(p.max)}`);
    const lower = points.map((p) => `${x(p.time)},${y(p.min)}`).reverse();
    svg.append(node('polygon', { class: 'band', points: upper.concat(lower).join(' ') }));
  }
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  svg.append(node('path', { class: 'line', d: path }));
  if (points.length === 1) {
    svg.append(node('circle', { cx: x(points[0].time), cy: y(points[0].value), r: 4, fill: '#0b4f8a' }));
  }
  return svg;
}
