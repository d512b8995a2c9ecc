// Measures the map page with many Things (not part of the test suite: timings belong to no assertion here).
//   node map-10k.measure.mjs http://127.0.0.1:8080 musterstadt
// Prints how long the page takes until every marker is placed, and how long a filter change and a zoom take.
import { chromium } from 'playwright-core';

const [baseUrl, tenant] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(120000);
let start = Date.now();
await page.goto(`${baseUrl}/${tenant}/portal/karte`);
await page.waitForFunction(() => Number(document.getElementById('map').dataset.markers) > 0);
const markers = await page.evaluate(() => document.getElementById('map').dataset.markers);
console.log(`markers placed: ${markers} after ${Date.now() - start} ms`);
const lastOption = await page.evaluate(() => [...document.querySelectorAll('#property option')].at(-1).value);
start = Date.now();
await page.selectOption('#property', lastOption);
await page.waitForFunction((n) => document.getElementById('map').dataset.markers !== n, markers);
console.log(`filter to '${lastOption}': ${Date.now() - start} ms`);
start = Date.now();
await page.evaluate(() => new Promise((done) => {
  const map = document.getElementById('map');
  map.dispatchEvent(new WheelEvent('wheel', { deltaY: -500, clientX: 400, clientY: 400, bubbles: true }));
  setTimeout(done, 0);
}));
const frame = await page.evaluate(() => new Promise((done) => {
  const t = performance.now(); requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t)));
}));
console.log(`a zoom step, until the next frames: ${Date.now() - start} ms (two frames ${frame.toFixed(0)} ms)`);
await browser.close();
