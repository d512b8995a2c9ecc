// The citizen's path through the portal in a real browser (harness.mjs: Debian's Chromium, axe-core on every page).
// Started by PortalBrowserTest with the running application's URL and its seeded tenant:
//   node portal.test.mjs '{"baseUrl": …, "tenant": …, "key": …, "datastream": …, "screenshots": …}'
// Exits 1 and prints every failure when anything is wrong; screenshots go to the given folder.
import fs from 'node:fs';
import { run, startWalk } from './harness.mjs';

const config = JSON.parse(process.argv[2]);
const walk = await startWalk(config, { acceptDownloads: true });
const { page, base, check } = walk;

async function download(page, section) {
  const [file] = await Promise.all([page.waitForEvent('download'), section.locator('a.csv').click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

/** A POST to the tenant's SensorThings API with its key, as a sensor or the data officer would send it. */
async function post(path, body) {
  const response = await fetch(new URL(`/${config.tenant}/v1.1/${path}`, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.key}` },
    body: JSON.stringify(body),
  });
  check(response.status === 201, `POST ${path}: ${response.status} ${await response.text()}`);
}

await run(walk, 'portal browser test passed', async () => {
  // 1. the landing page lists the municipality
  await page.goto(new URL('/', base).href);
  await walk.keyboard('landing page');
  await walk.axe('landing page');
  await page.locator(`a[href="/${config.tenant}/portal/"]`).click();

  // 2. its start page shows the latest values with their time, before any script
  await page.waitForURL(`**/${config.tenant}/portal/`);
  check(await page.locator('.values li').count() >= 3, 'start page: fewer than 3 latest values');
  check((await page.locator('.values').innerText()).includes('87,25'), 'start page: the latest water level is missing');
  await walk.keyboard('start page');
  await walk.axe('start page');
  await walk.screenshots('portal-start', '.values');

  // 3. the map: markers for every Thing, a filter, the list, and a live update
  await page.locator('a.button', { hasText: 'Karte' }).click();
  await page.waitForSelector('#map[data-markers="3"]');
  check(await page.locator('#map path.leaflet-interactive, #map svg path').count() > 0, 'map: no boundary drawn');
  await walk.keyboard('map');
  check(await page.locator('#map .leaflet-interactive, #map .cluster').count() > 0, 'map: no marker or cluster drawn');
  check(await page.locator('#things li').count() === 3, 'map: the list does not hold the 3 Things');
  check(await page.locator('#legend li').count() === 4, 'map: the legend does not name the 4 ObservedProperties');
  check((await page.locator('#things').innerText()).includes('8,5 °C'), 'map: the UCUM code Cel is not shown as °C');
  await page.waitForFunction(() => document.getElementById('live-status').textContent.startsWith('Live'));
  await page.selectOption('#property', 'Wasserstand');
  await page.waitForSelector('#map[data-markers="1"]');
  check(await page.locator('#things li').count() === 1, 'map: the filter does not narrow the list');
  await page.selectOption('#property', '');
  await page.waitForSelector('#map[data-markers="3"]');
  await page.fill('#search', 'mühl');
  await page.waitForSelector('#map[data-markers="1"]');
  check((await page.locator('#things').innerText()).includes('Pegel Mühlbach'), 'map: search by name does not find');
  await page.fill('#search', '');
  await page.waitForSelector('#map[data-markers="3"]');
  await post(`Datastreams(${config.datastream})/Observations`, { phenomenonTime: new Date().toISOString(), result: 91.5 });
  await page.waitForFunction(() => document.getElementById('things').textContent.includes('91,5'));
  // a new Thing appears by itself too; without a Location it is listed but has no marker
  await post('Things', { name: 'Ruhebank Teich', description: 'noch ohne Ort' });
  await page.waitForFunction(() => document.getElementById('things').children.length === 4);
  check(await page.locator('#map').getAttribute('data-markers') === '3', 'map: a Thing without Location got a marker');
  // a marker's popup, once it has faded in (axe measures contrast against what is visible)
  await page.locator('#map path.leaflet-interactive, #map .cluster').first().click();
  await page.waitForFunction(() => {
    const popup = document.querySelector('.leaflet-popup');
    return !popup || getComputedStyle(popup).opacity === '1';
  });
  await walk.axe('map');
  await walk.screenshots('portal-map', '#map[data-markers="3"]');

  // 4. a Thing: charts over a day, week and year, the table alternative, CSV downloads
  await page.locator('#things a', { hasText: 'Pegel Mühlbach' }).click();
  await page.waitForSelector('section.datastream[data-shown="day"]');
  await walk.keyboard('Thing page');
  const section = page.locator('section.datastream').first();
  check(await section.locator('svg[role="img"]').count() === 1, 'Thing page: no chart for a day');
  await section.locator('summary').click();
  const dayRows = await section.locator('tbody tr').count();
  check(dayRows >= 24, `Thing page: the table of a day has ${dayRows} rows`);
  const dayCsv = await download(page, section);
  check(dayCsv.startsWith('phenomenonTime,result\r\n'), `day CSV: unexpected header ${dayCsv.slice(0, 40)}`);
  check(dayCsv.includes(',91.5\r\n') && dayCsv.includes(',87.25\r\n'), 'day CSV: the latest values are missing');
  check(dayCsv.trim().split('\r\n').length - 1 === dayRows, 'day CSV: not the rows the table shows');
  for (const range of ['week', 'year']) {
    await section.locator(`button[data-range="${range}"]`).click();
    await page.waitForSelector(`section.datastream[data-shown="${range}"]`);
    check(await section.locator(`button[data-range="${range}"]`).getAttribute('aria-pressed') === 'true',
      `Thing page: the ${range} button is not marked pressed`);
    check(await section.locator('svg[role="img"] polygon.band').count() === 1, `Thing page: no min/max band for a ${range}`);
  }
  const yearRows = await section.locator('tbody tr').count();
  check(yearRows > 300, `Thing page: the table of a year has ${yearRows} rows (daily aggregates expected)`);
  const yearCsv = await download(page, section);
  check(yearCsv.startsWith('phenomenonTime,avg,min,max\r\n'), `year CSV: unexpected header ${yearCsv.slice(0, 40)}`);
  check(yearCsv.trim().split('\r\n').length - 1 === yearRows, 'year CSV: not the rows the table shows');
  // the range buttons work with the keyboard alone
  await section.locator('button[data-range="month"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('section.datastream[data-shown="month"]');
  await walk.axe('Thing page');
  // a new value shows by itself: beside the chart, and in the day's chart and table
  await section.locator('button[data-range="day"]').click();
  await page.waitForSelector('section.datastream[data-shown="day"]');
  await post(`Datastreams(${config.datastream})/Observations`, { phenomenonTime: new Date().toISOString(), result: 92.25 });
  await section.locator('.latest-value', { hasText: '92,25' }).waitFor();
  await section.locator('tbody td', { hasText: '92,25' }).waitFor();
  await walk.screenshots('portal-thing', 'section.datastream[data-shown="day"]');

  // a day of values every 30 seconds is drawn from 5-minute aggregates, not as thousands of points
  await page.goto(new URL(`/${config.tenant}/portal/dinge/${config.denseThing}`, base).href);
  const dust = page.locator('section.datastream[data-shown="day"]', { hasText: 'Feinstaub' });
  await dust.waitFor();
  check(await dust.locator('svg polygon.band').count() === 1, 'dense day: not drawn from aggregates');
  const dustRows = await dust.locator('tbody tr').count();
  check(dustRows > 200 && dustRows <= 289, `dense day: ${dustRows} rows instead of a 5-minute bucket per 5 minutes`);

  // 5. the same in English
  await page.goto(new URL(`/${config.tenant}/portal/?lang=en`, base).href);
  check((await page.locator('h2').first().innerText()) === 'Latest values', 'English start page: not in English');
  await walk.axe('start page (English)');
  await page.goto(new URL(`/${config.tenant}/portal/karte`, base).href);
  await page.waitForSelector('#map[data-markers="3"]');
  await walk.axe('map (English)');
  await page.goto(new URL(`/${config.tenant}/portal/dinge/${config.denseThing}`, base).href);
  await page.locator('section.datastream[data-shown="day"]', { hasText: 'Feinstaub' }).waitFor();
  check((await page.locator('.ranges button').first().innerText()) === 'Day', 'English Thing page: not in English');
  await walk.axe('Thing page (English)');
  await page.goto(new URL(`/${config.tenant}/portal/?lang=de`, base).href);
});
