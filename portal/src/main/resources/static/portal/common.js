// What the portal's scripts share: formatting as the server formats (Formats.java), texts from the page, API reads.

/** The municipality's local time, as on the server (Formats.ZONE). */
const ZONE = 'Europe/Berlin';

/** Formatters for the page's language: numbers with at most two decimals, times without seconds. */
export function formats(lang) {
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
  // for a chart's axis, where the period is said beside it: day, month and time only
  const axis = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit',
    timeZone: ZONE });
  return {
    /** a result as text: numbers localised, anything else as its JSON */
    result(value) {
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return number.format(value);
      if (typeof value === 'string') return value;
      return JSON.stringify(value);
    },
    number: (value) => number.format(value),
    /** a SensorThings time (an instant, or an interval "start/end": its end) for reading */
    time: (iso) => (iso ? time.format(instant(iso)) : ''),
    axisTime: (date) => axis.format(date),
  };
}

/** UCUM codes that sensors often send, as people write them (the same table as Formats.java). */
const UCUM = { Cel: '°C', 'ug/m3': 'µg/m³', 'mg/m3': 'mg/m³', m3: 'm³', 'm3/s': 'm³/s', m2: 'm²' };

/** A unit symbol as a reader sees it: UCUM annotations in braces ({count}) left out, as in Formats.java. */
export function unit(symbol) {
  if (!symbol || (symbol.startsWith('{') && symbol.endsWith('}'))) return '';
  return UCUM[symbol] || symbol;
}

/** The instant a SensorThings time stands for: the instant, or the end of an interval. */
export function instant(iso) {
  return new Date(iso.includes('/') ? iso.split('/')[1] : iso);
}

/** The texts a page put into a <template id=...> as <span data-key=...>, by key; {0}… are filled by fill(). */
export function texts(templateId) {
  const found = {};
  document.getElementById(templateId).content.querySelectorAll('[data-key]')
    .forEach((span) => { found[span.dataset.key] = span.textContent; });
  return found;
}

export function fill(text, ...values) {
  return text.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
}

/** GET of a public API URL as JSON; every page of a paged answer (@iot.nextLink) when all is true. */
export async function getJson(url, all = false) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const body = await response.json();
  const next = body['@iot.nextLink'];
  if (all && next) {
    // a collection holds "value", a GeoJSON FeatureCollection "features"
    const rest = await getJson(next, true);
    const member = body.features ? 'features' : 'value';
    body[member] = body[member].concat(rest[member]);
  }
  return body;
}

/** A CSV text (RFC 4180, as the API writes it) from a header and rows. */
export function csv(header, rows) {
  const field = (v) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Creates an element with attributes and children (text or elements). */
export function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  Object.entries(attributes).forEach(([key, value]) => {
    if (value !== null && value !== undefined) element.setAttribute(key, value);
  });
  children.flat().forEach((child) => element.append(child instanceof Node ? child : String(child)));
  return element;
}
