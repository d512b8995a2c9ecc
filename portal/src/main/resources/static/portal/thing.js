// The Thing page: a chart per Datastream over a day, week, month or year, with a table of the same values and a CSV
// download of exactly what is shown. A day shows the Observations themselves; longer periods show aggregates
// (Observations/$aggregate: average with minimum and maximum per hour, six hours or day), never thousands of raw points.
import { csv, el, fill, formats, getJson, instant, texts } from './common.js';
import { lineChart } from './chart.js';

const config = document.getElementById('thing-config').dataset;
const text = texts('thing-texts');
const format = formats(config.lang);
const HOUR = 3600 * 1000;
const RAW_LIMIT = 2000;
/** how far back each period reaches, and the aggregate interval that draws it (null: the Observations themselves) */
const RANGES = {
  // a day shows the Observations themselves, unless there are more than RAW_LIMIT (a sensor sending every few
  // seconds): then 5-minute aggregates, like the longer periods
  day: { span: 24 * HOUR, interval: null, dense: 'PT5M' },
  week: { span: 7 * 24 * HOUR, interval: 'hour' },
  month: { span: 30 * 24 * HOUR, interval: 'PT6H' },
  year: { span: 365 * 24 * HOUR, interval: 'day' },
};

/** An ISO time without milliseconds, as the API's examples write it. */
const iso = (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function observationsUrl(id, from, resultFormat) {
  const query = new URLSearchParams({
    $filter: `phenomenonTime ge ${iso(from)}`, $orderby: 'phenomenonTime asc',
    $select: 'phenomenonTime,result', $top: String(RAW_LIMIT),
  });
  if (resultFormat) query.set('$resultFormat', resultFormat);
  return `${config.api}/Datastreams(${id})/Observations?${query}`;
}

/**
 * The rows of a period and whether they are aggregates: { time (ISO), value, min?, max? }; raw values may be of any
 * type, aggregates are numbers.
 */
async function load(id, range, from) {
  let interval = range.interval;
  if (!interval) {
    const answer = await getJson(observationsUrl(id, from));
    if (!answer['@iot.nextLink']) {
      return { aggregated: false, rows: answer.value.map((o) => ({ time: o.phenomenonTime, value: o.result })) };
    }
    interval = range.dense;
  }
  const query = new URLSearchParams({ interval, from: iso(from), functions: 'avg,min,max' });
  const answer = await getJson(`${config.api}/Datastreams(${id})/Observations/$aggregate?${query}`, true);
  return { aggregated: true, rows: answer.value.map((b) => ({ time: b.phenomenonTime, value: b.avg, min: b.min, max: b.max })) };
}

function table(rows, aggregated, unit, caption) {
  const suffix = unit ? ` (${unit})` : '';
  const head = aggregated ? [text.time, text.avg + suffix, text.min + suffix, text.max + suffix]
    : [text.time, text.value + suffix];
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {},
      el('th', { scope: 'row' }, el('time', { datetime: r.time }, format.time(r.time))),
      (aggregated ? [r.value, r.min, r.max] : [r.value]).map((v) => el('td', {}, format.result(v)))))));
}

async function show(section, rangeName) {
  const id = section.dataset.datastream;
  const unit = section.dataset.unit;
  const name = section.querySelector('h2').textContent;
  const range = RANGES[rangeName];
  const to = new Date();
  const from = new Date(to.getTime() - range.span);
  const chartArea = section.querySelector('.chart-area');
  const caption = section.querySelector('.chart-caption');
  const tableArea = section.querySelector('.table-area');
  const download = section.querySelector('a.csv');
  section.querySelectorAll('.ranges button')
    .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === rangeName)));
  section.dataset.shown = '';
  caption.textContent = text.loading;
  let loaded;
  try {
    loaded = await load(id, range, from);
  } catch (e) {
    caption.textContent = text.failed;
    return;
  }
  const { aggregated, rows } = loaded;
  const numeric = rows.filter((r) => typeof r.value === 'number')
    .map((r) => ({ time: instant(r.time), value: r.value, min: r.min ?? undefined, max: r.max ?? undefined }));
  const period = `${name}, ${text[rangeName]}`;
  if (numeric.length === 0) {
    chartArea.replaceChildren();
    caption.textContent = text.empty;
  } else {
    const summary = fill(text.summary, period, format.number(rows.length), format.time(iso(from)), format.time(iso(to)),
      format.number(Math.min(...numeric.map((p) => p.min ?? p.value))),
      format.number(Math.max(...numeric.map((p) => p.max ?? p.value))));
    chartArea.replaceChildren(lineChart(numeric, from, to, summary, format, chartArea.clientWidth));
    caption.textContent = summary;
  }
  tableArea.replaceChildren(table(rows, aggregated, unit, period));
  // the download holds exactly the rows shown: the API's own CSV for Observations, the aggregates as the table has them
  if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
  download.href = aggregated
    ? URL.createObjectURL(new Blob([csv(['phenomenonTime', 'avg', 'min', 'max'],
      rows.map((r) => [r.time, r.value, r.min, r.max]))], { type: 'text/csv;charset=utf-8' }))
    : observationsUrl(id, from, 'CSV');
  download.download = `Datastream-${id}-${rangeName}.csv`;
  section.dataset.shown = rangeName;
}

/** New latest values (the map's live stream): the value shown beside each chart, and a day's chart drawn anew. */
function listen() {
  const sections = new Map([...document.querySelectorAll('section.datastream')]
    .map((section) => [Number(section.dataset.datastream), section]));
  if (sections.size === 0) return;
  new EventSource(config.live).addEventListener('latest', (event) => {
    for (const value of JSON.parse(event.data).value) {
      const section = sections.get(value['Datastream@iot.id']);
      if (!section) continue;
      const latest = section.querySelector('.latest');
      latest.querySelector('.latest-value').textContent = format.result(value.result);
      const time = latest.querySelector('time');
      time.dateTime = value.phenomenonTime;
      time.textContent = format.time(value.phenomenonTime);
      latest.hidden = false;
      if (section.dataset.shown === 'day') show(section, 'day');
    }
  });
}

document.querySelectorAll('section.datastream').forEach((section) => {
  section.querySelectorAll('.ranges button').forEach((button) => {
    button.addEventListener('click', () => show(section, button.dataset.range));
  });
  show(section, 'day');
});
listen();
