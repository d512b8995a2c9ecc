// The map page: every Thing at its Location from one GeoJSON request to the public API, clustered in the browser
// (10,000 Things stay fluid), latest values from Datastreams/$latest, live updates over Server-Sent Events, and a
// list of the same Things for keyboard and screen-reader use. No request leaves this server unless the tenant has
// a tile URL.
import { el, fill, formats, getJson, texts, unit } from './common.js';

const config = document.getElementById('map-config').dataset;
const text = texts('map-texts');
const format = formats(config.lang);
const mapElement = document.getElementById('map');
const status = document.getElementById('live-status');
const select = document.getElementById('property');
const list = document.getElementById('things');
const listCount = document.getElementById('list-count');
// the list stays short enough to tab through; the filter narrows it
const LIST_LIMIT = 200;
const THINGS_QUERY = '$resultFormat=GeoJSON&$top=10000&$select=id,name'
  + '&$expand=Datastreams($select=id,name,unitOfMeasurement;$expand=ObservedProperty($select=name))';

// no fading and gliding for readers who asked their system for less motion (WCAG 2.3.3)
const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const map = L.map(mapElement, {
  zoomControl: false, minZoom: 3, maxZoom: 19, fadeAnimation: !still, zoomAnimation: !still, markerZoomAnimation: !still,
});
L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(map);
if (config.tiles) {
  L.tileLayer(config.tiles, { attribution: config.attribution || '', maxZoom: 19 }).addTo(map);
}
const boundary = config.boundary
  ? L.geoJSON(JSON.parse(config.boundary), { style: { color: '#0b4f8a', weight: 3, fill: false }, interactive: false })
    .addTo(map)
  : null;
const clusters = L.markerClusterGroup({
  chunkedLoading: true,
  showCoverageOnHover: false,
  // Things a street apart stay apart once the map shows the town
  maxClusterRadius: 50,
  animate: !still,
  iconCreateFunction: (cluster) => {
    const size = cluster.getChildCount() < 100 ? 36 : 46;
    return L.divIcon({ html: String(cluster.getChildCount()), className: 'cluster', iconSize: [size, size] });
  },
}).addTo(map);

// a colour per ObservedProperty, each at least 3:1 against the map's background (WCAG 1.4.11); the colour is never
// the only sign: popup, list and filter name what is measured
const COLOURS = ['#0b4f8a', '#b32d00', '#1b6e20', '#6a1b9a', '#8a5300', '#00656b', '#a0115e', '#3d3d3d'];
const properties = [...select.options].map((option) => option.value).filter(Boolean);
const colourOf = (property) => COLOURS[Math.max(0, properties.indexOf(property)) % COLOURS.length];

/** Thing id → { id, name, latLng, datastreams: [{ id, name, unit, property }] } */
let things = new Map();
/** Datastream id → { time, result } */
const latest = new Map();

/** The Things of the GeoJSON with their Datastreams, from the flattened properties ("Datastreams/0/name"). */
function readThings(collection) {
  const read = new Map();
  for (const feature of collection.features) {
    const p = feature.properties;
    const datastreams = [];
    for (const [key, value] of Object.entries(p)) {
      const match = /^Datastreams\/(\d+)\/(.+)$/.exec(key);
      if (!match) continue;
      const ds = datastreams[Number(match[1])] ||= {};
      if (match[2] === 'id') ds.id = value;
      else if (match[2] === 'name') ds.name = value;
      else if (match[2] === 'unitOfMeasurement/symbol') ds.unit = unit(value);
      else if (match[2] === 'ObservedProperty/name') ds.property = value;
    }
    // a Thing without a point Location is listed but has no marker
    const point = feature.geometry && feature.geometry.type === 'Point' ? feature.geometry.coordinates : null;
    read.set(feature.id, { id: feature.id, name: p.name, latLng: point && [point[1], point[0]],
      datastreams: datastreams.filter(Boolean) });
  }
  return read;
}

function reading(ds) {
  const value = latest.get(ds.id);
  const shown = value ? `${format.result(value.result)}${ds.unit ? ` ${ds.unit}` : ''} (${format.time(value.time)})`
    : text.noValue;
  return `${ds.property || ds.name}: ${shown}`;
}

function thingUrl(thing) {
  return `${config.portal}/dinge/${thing.id}`;
}

function popup(thing) {
  return el('div', {},
    el('strong', {}, thing.name),
    el('ul', { class: 'popup-values' }, thing.datastreams.map((ds) => el('li', {}, reading(ds)))),
    el('a', { href: thingUrl(thing) }, text.details));
}

const search = document.getElementById('search');

/** Whether a Thing matches the chosen ObservedProperty and the searched name (both narrow map and list alike). */
function shown(thing) {
  const name = search.value.trim().toLocaleLowerCase();
  return (!select.value || thing.datastreams.some((ds) => ds.property === select.value))
    && (!name || (thing.name || '').toLocaleLowerCase().includes(name));
}

/** Markers and list for the chosen ObservedProperty. */
function render() {
  const visible = [...things.values()].filter(shown);
  clusters.clearLayers();
  const placed = visible.filter((thing) => thing.latLng);
  clusters.addLayers(placed.map((thing) => L.circleMarker(thing.latLng, {
    radius: 8, color: '#ffffff', weight: 2, fillOpacity: 1,
    // what the filter chose, or else what the Thing measures first
    fillColor: colourOf(select.value || (thing.datastreams[0] && thing.datastreams[0].property)),
  }).bindPopup(() => popup(thing))));
  mapElement.dataset.markers = String(placed.length);
  renderList(visible);
}

function renderList(visible) {
  list.replaceChildren(...visible.slice(0, LIST_LIMIT).map((thing) => el('li', { 'data-thing': thing.id },
    el('a', { href: thingUrl(thing) }, thing.name),
    el('span', { class: 'readings' }, thing.datastreams.map(reading).join(' · ')))));
  listCount.textContent = fill(text.count, format.number(visible.length))
    + (visible.length > LIST_LIMIT ? ` ${fill(text.more, LIST_LIMIT)}` : '');
}

/** Updates the readings of the listed Things and the open popup after new latest values. */
function refreshReadings(datastreamIds) {
  for (const item of list.children) {
    const thing = things.get(Number(item.dataset.thing));
    if (thing && thing.datastreams.some((ds) => datastreamIds.has(ds.id))) {
      item.querySelector('.readings').textContent = thing.datastreams.map(reading).join(' · ');
    }
  }
  map.eachLayer((layer) => { if (layer.isPopupOpen && layer.isPopupOpen()) layer.getPopup().update(); });
}

function takeLatest(answer) {
  const changed = new Set();
  for (const value of answer.value) {
    latest.set(value['Datastream@iot.id'], { time: value.phenomenonTime, result: value.result });
    changed.add(value['Datastream@iot.id']);
  }
  return changed;
}

async function loadThings() {
  things = readThings(await getJson(`${config.api}/Things?${THINGS_QUERY}`, true));
}

async function loadLatest() {
  takeLatest(await getJson(`${config.api}/Datastreams/$latest`, true));
}

function frame() {
  const points = [...things.values()].filter((t) => t.latLng).map((t) => t.latLng);
  const bounds = boundary ? boundary.getBounds() : L.latLngBounds(points);
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
  else map.setView([51.16, 10.45], 6); // Germany, when there is nothing to frame
}

function listen() {
  const events = new EventSource(config.live);
  let reloadThings = null;
  let lost = false;
  events.addEventListener('hello', () => {
    status.textContent = text.live;
    // after a lost connection (it reconnects by itself), values may have changed meanwhile
    if (lost) loadLatest().then(() => refreshReadings(new Set(latest.keys()))).catch(() => {});
    lost = false;
  });
  events.addEventListener('latest', (event) => {
    refreshReadings(takeLatest(JSON.parse(event.data)));
    status.textContent = `${text.live} ${text.updated} ${format.time(new Date().toISOString())}`;
  });
  events.addEventListener('things', () => {
    // several changes in a row (an import) cause one reload
    clearTimeout(reloadThings);
    reloadThings = setTimeout(() => loadThings().then(render).catch(() => {}), 2000);
  });
  events.onerror = () => { lost = true; status.textContent = text.offline; };
}

/** The legend: which colour stands for what is measured. */
function legend() {
  document.getElementById('legend').replaceChildren(...properties.map((property) => el('li', {},
    el('span', { class: 'swatch', style: `background:${colourOf(property)}`, 'aria-hidden': 'true' }), property)));
}

select.addEventListener('change', render);
let typing = null;
// 10,000 markers are not re-clustered for every key stroke
search.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(render, 250); });
// the filter applies as it is chosen; Enter in the form must not reload the page
document.getElementById('filter').addEventListener('submit', (event) => event.preventDefault());
legend();
await Promise.all([loadThings(), loadLatest()]);
render();
frame();
listen();
