// The admin's path through the console in a real browser (harness.mjs: Debian's Chromium, axe-core on every page,
// error states of forms included). Started by AdminConsoleBrowserTest with the running application and a seeded
// tenant that has a staff account:
//   node admin-console.test.mjs '{"baseUrl": …, "tenant": …, "key": …, "login": …, "password": …, "datastream": …}'
// Steps of other packages live in files admin-steps-*.mjs beside this one (each `export default async (walk, config)
// => {…}`, signed in, on any console page); they run in the order of their names after this file's own steps and
// before the logout.
import fs from 'node:fs';
import { run, startWalk } from './harness.mjs';

const config = JSON.parse(process.argv[2]);
const walk = await startWalk(config);
const { page, check } = walk;
const consoleRoot = `/${config.tenant}/verwaltung/`;

await run(walk, 'admin console browser test passed', async () => {
  // 1. a console page without a session leads to the login page, which works with the keyboard alone
  await page.goto(walk.url(`${consoleRoot}?lang=de`));
  check(page.url().includes('/anmelden?weiter='), `no way to the login page: ${page.url()}`);
  await walk.keyboard('login page');
  await walk.axe('login page');
  await walk.screenshots('admin-login', 'form');
  // the form's error state: summary at the top (focused), each error linked to its field
  await page.locator('#login').fill('');
  await page.locator('button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  check(await page.evaluate(() => document.activeElement.classList.contains('error-summary')),
    'login errors: the error summary does not get the focus');
  check(await page.locator('#login[aria-invalid="true"]').count() === 1, 'login errors: the field is not marked invalid');
  await walk.axe('login page with errors');
  // signing in with the keyboard: Tab to the fields, type, Enter submits
  await page.locator('#login').focus();
  await page.keyboard.type(config.login);
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.id === 'password'), 'login: Tab does not lead to the password');
  await page.keyboard.type(config.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${consoleRoot}?lang=de`);

  // 2. the overview
  await page.goto(walk.url(consoleRoot));
  await page.waitForSelector('.counts');
  await walk.keyboard('overview');
  await walk.axe('overview');
  await walk.screenshots('admin-overview', '.counts');

  // 3. the steps of other packages (LoRaWAN, jobs, …)
  for (const file of fs.readdirSync('.').filter((f) => /^admin-steps-.*\.mjs$/.test(f)).sort()) {
    const steps = (await import(`./${file}`)).default;
    await steps(walk, config);
  }

  // 4. signing out ends the session: the console asks to sign in again
  await page.goto(walk.url(consoleRoot));
  await page.locator('.sign-out button').click();
  await page.waitForURL('**/anmelden?abgemeldet');
  check(await page.locator('.notice').count() === 1, 'logout: no notice that one is signed out');
  await walk.axe('login page after logout');
  await page.goto(walk.url(consoleRoot));
  check(page.url().includes('/anmelden'), `after logout the console is still open: ${page.url()}`);
});
