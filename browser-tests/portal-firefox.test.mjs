// The citizen's path once more in Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi —
// playwright-core's Firefox needs a patched build that cannot be downloaded here): landing page, start page, map with
// filter and a live update, Thing page with its ranges, each checked with the same axe-core and keyboard checks as
// in Chromium, and at phone width without sideways scrolling. Started by PortalFirefoxTest:
//   node portal-firefox.test.mjs '{"baseUrl": …, "tenant": …, "key": …, "datastream": …, "firefox": …}'
import puppeteer from 'puppeteer-core';
import { axe, DESKTOP, keyboard, PHONE, report } from './harness.mjs';

const config = JSON.parse(process.argv[2]);
const base = new URL(config.baseUrl);
const failures = [];
const check = (condition, message) => {
  if (!condition) failures.push(message);
};
const portal = (path) => new URL(`/${config.tenant}/portal/${path}`, base).href;

const browser = await puppeteer.launch({ browser: 'firefox', executablePath: config.firefox, headless: true });
const page = await browser.newPage();
page.setDefaultTimeout(20000);
await page.setViewport(DESKTOP);
const outside = [];
page.on('request', (request) => {
  const url = new URL(request.url());
  if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== base.hostname) outside.push(request.url());
});
page.on('pageerror', (error) => failures.push(`script error on ${page.url()}: ${error.message}`));

/** At phone width the page fits: nothing wider than the screen, so no sideways scrolling. */
async function fitsPhone(name, ready) {
  await page.setViewport(PHONE);
  await page.reload();
  await page.waitForSelector(ready);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(widths[0] <= widths[1], `${name} at phone width: ${widths[0]} px wide on a ${widths[1]} px screen`);
  await page.setViewport(DESKTOP);
  await page.reload();
  await page.waitForSelector(ready);
}

const listText = () => page.$eval('#things', (list) => list.textContent);

try {
  await page.goto(new URL('/', base).href);
  await keyboard(page, 'landing page (Firefox)', check);
  await axe(page, 'landing page (Firefox)', check);

  await page.goto(portal(''));
  check((await page.$$('.values li')).length >= 3, 'start page (Firefox): fewer than 3 latest values');
  check((await page.$eval('.values', (values) => values.textContent)).includes('87,25'),
    'start page (Firefox): the latest water level is missing');
  await keyboard(page, 'start page (Firefox)', check);
  await axe(page, 'start page (Firefox)', check);
  await fitsPhone('start page (Firefox)', '.values');

  await page.goto(portal('karte'));
  await page.waitForSelector('#map[data-markers="3"]');
  check((await page.$$('#map .leaflet-interactive, #map .cluster')).length > 0, 'map (Firefox): no marker drawn');
  check((await page.$$('#things li')).length === 3, 'map (Firefox): the list does not hold the 3 Things');
  await page.select('#property', 'Wasserstand');
  await page.waitForSelector('#map[data-markers="1"]');
  await page.select('#property', '');
  await page.waitForSelector('#map[data-markers="3"]');
  // live: a new value arrives by Server-Sent Events without a reload
  await page.waitForFunction(() => document.getElementById('live-status').textContent.startsWith('Live'));
  const stored = await fetch(new URL(`/${config.tenant}/v1.1/Datastreams(${config.datastream})/Observations`, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.key}` },
    body: JSON.stringify({ phenomenonTime: new Date().toISOString(), result: 93.5 }),
  });
  check(stored.status === 201, `POST Observation: ${stored.status}`);
  await page.waitForFunction(() => document.getElementById('things').textContent.includes('93,5'));
  await keyboard(page, 'map (Firefox)', check);
  await axe(page, 'map (Firefox)', check);
  await fitsPhone('map (Firefox)', '#map[data-markers="3"]');
  check((await listText()).includes('Pegel Mühlbach'), 'map (Firefox): the gauge is not listed');

  const thing = await page.$$eval('#things a', (links) => links.find((a) => a.textContent.includes('Pegel Mühlbach')).href);
  await page.goto(thing);
  await page.waitForSelector('section.datastream[data-shown="day"]');
  await keyboard(page, 'Thing page (Firefox)', check);
  check((await page.$$('section.datastream svg[role="img"]')).length >= 1, 'Thing page (Firefox): no chart');
  await page.click('section.datastream button[data-range="week"]');
  await page.waitForSelector('section.datastream[data-shown="week"] svg polygon.band');
  check(await page.$eval('section.datastream button[data-range="week"]', (b) => b.getAttribute('aria-pressed')) === 'true',
    'Thing page (Firefox): the week button is not marked pressed');
  await axe(page, 'Thing page (Firefox)', check);
  await fitsPhone('Thing page (Firefox)', 'section.datastream[data-shown="day"]');
} catch (error) {
  failures.push(`the walk stopped on ${page.url()}: ${error.stack || error}`);
}
check(outside.length === 0, `requests outside ${base.hostname}: ${outside.join(', ')}`);
console.log(`Firefox ${await browser.version()}`);
await browser.close();
report(failures, 'portal Firefox test passed');
