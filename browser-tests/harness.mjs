// What every browser test of Gemeinwerk shares: Debian's Chromium started headless through playwright-core, axe-core
// (WCAG 2.1 A/AA) that fails on any violation, a keyboard check of the skip link, a guard that fails on any request to
// another host than the server's, failure on script and console errors, and screenshots at desktop and phone width.
//   const walk = await startWalk(config);  …steps using walk.page, walk.check, walk.axe…;  await walk.finish('… passed');
// config (JSON from the Java test): baseUrl, chromium (path), screenshots (folder, optional), and the test's own keys.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** Starts the browser and a page; every failure is collected, and {@link finish} reports them all at once. */
export async function startWalk(config, { acceptDownloads = false } = {}) {
  const base = new URL(config.baseUrl);
  const failures = [];
  const browser = await chromium.launch({
    executablePath: config.chromium || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads });
  const outside = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.hostname !== base.hostname) outside.push(request.url());
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('pageerror', (error) => failures.push(`script error on ${page.url()}: ${error.message}`));
  // what the Content-Security-Policy blocks is a bug of the page (an inline handler, a foreign resource); only the
  // page itself may have an error status (Chromium logs that too): the tests open error pages on purpose
  page.on('console', (message) => {
    if (message.type() === 'error' && message.location().url !== page.url())
      failures.push(`console error on ${page.url()}: ${message.text()}`);
  });

  const walk = {
    base, browser, context, page, failures,

    /** The URL of a path on the server under test. */
    url: (pathAndQuery) => new URL(pathAndQuery, base).href,

    check(condition, message) {
      if (!condition) failures.push(message);
    },

    /** Every WCAG 2.1 A/AA violation axe-core finds on the page is a failure. */
    axe: (name) => axe(page, name, walk.check),

    /** Tab from the top reaches the skip link first, with a visible focus ring, and Enter moves to the content. */
    keyboard: (name) => keyboard(page, name, walk.check),

    /**
     * Saves the page as {file}-desktop.png and {file}-phone.png, each loaded anew at that width and ready when
     * {@code ready} matches. Pages that a reload would change (a secret shown once) pass reload: false.
     */
    async screenshots(file, ready, { reload = true } = {}) {
      if (!config.screenshots) return;
      fs.mkdirSync(config.screenshots, { recursive: true });
      for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        await page.setViewportSize(viewport);
        if (reload) await page.reload();
        await page.waitForSelector(ready);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(config.screenshots, `${file}-${size}.png`) });
      }
      await page.setViewportSize(DESKTOP);
    },

    /** Closes the browser; prints every failure and exits 1, or prints {@code passed} and exits 0. */
    async finish(passed) {
      walk.check(outside.length === 0, `requests outside ${base.hostname}: ${outside.join(', ')}`);
      await browser.close();
      report(failures, passed);
    },
  };
  return walk;
}

/**
 * The checks below take a page of either driver (playwright-core or puppeteer-core: both offer evaluate and
 * keyboard.press alike), so the Firefox walk runs exactly the same accessibility checks as the Chromium walks.
 */

/** Every WCAG 2.1 A/AA violation axe-core finds on the page is a failure. */
export async function axe(page, name, check) {
  // evaluated through the browser's automation protocol, which the page's Content-Security-Policy does not restrict
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_21_AA);
  for (const violation of result.violations) {
    const where = violation.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`)
      .join('\n    ');
    check(false, `axe on ${name}: ${violation.id} (${violation.impact}) ${violation.help}\n    ${where}`);
  }
  console.log(`axe on ${name}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
}

/** Tab from the top reaches the skip link first, with a visible focus ring, and Enter moves to the content. */
export async function keyboard(page, name, check) {
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    const style = getComputedStyle(active);
    return { skip: active.classList.contains('skip-link'), outline: style.outlineStyle, width: style.outlineWidth,
      top: active.getBoundingClientRect().top };
  });
  check(focused.skip, `${name}: the first Tab does not reach the skip link`);
  check(focused.outline !== 'none' && focused.width !== '0px', `${name}: the focused skip link has no visible outline`);
  check(focused.top >= 0, `${name}: the focused skip link is off screen`);
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => document.activeElement.id === 'inhalt' || location.hash === '#inhalt'),
    `${name}: Enter on the skip link does not move to the content`);
}

/** Ends a walk: prints every failure and exits 1, or prints {@code passed} and exits 0. */
export function report(failures, passed) {
  if (failures.length > 0) {
    console.error(`${failures.length} failures:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(passed);
}

/** Runs {@code steps}; an exception stops the walk and is one more failure, reported with the others by finish. */
export async function run(walk, passed, steps) {
  try {
    await steps();
  } catch (error) {
    walk.failures.push(`the walk stopped on ${walk.page.url()}: ${error.stack || error}`);
  }
  await walk.finish(passed);
}
