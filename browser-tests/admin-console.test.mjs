// The admin's path through the console in a real browser (harness.mjs: Debian's Chromium, axe-core on every page,
// error states of forms included). Started by AdminConsoleBrowserTest with the running application and a seeded
// tenant that has a staff account:
//   node admin-console.test.mjs '{"baseUrl": …, "tenant": …, "key": …, "login": …, "password": …, "datastream": …,
//                                 "boundary": …}'
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

  // 3. Things and Datastreams: the lists, a search, a Datastream's edit page with its error state, and saving
  await page.locator('nav a', { hasText: 'Dinge' }).click();
  await page.waitForSelector('table.list');
  await walk.axe('Things');
  await page.locator('nav a', { hasText: 'Datenströme' }).click();
  await page.waitForSelector('table.list');
  check(await page.locator('nav a[aria-current="page"]').innerText() === 'Datenströme',
    'Datastreams: the navigation does not mark the current page');
  await walk.axe('Datastreams');
  await walk.screenshots('admin-datastreams', 'table.list');
  await page.locator('#suche').fill('mühl');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/datenstroeme?suche=*');
  check(await page.locator('table.list tbody tr').count() === 1, 'Datastreams: the search does not find the one');
  await page.locator('table.list a', { hasText: 'Wasserstand Mühlbach' }).click();
  await page.waitForSelector('form #name');
  await walk.keyboard('Datastream');
  await walk.axe('Datastream');
  await page.locator('#name').fill('');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  check(await page.locator('.error-summary a[href="#name"]').count() === 1, 'Datastream errors: no link to the name');
  await walk.axe('Datastream with errors');
  await page.locator('.error-summary a[href="#name"]').click();
  check(await page.evaluate(() => document.activeElement.id === 'name'), 'Datastream errors: the link does not focus the field');
  await page.locator('#name').fill('Wasserstand Mühlbach Brücke');
  await page.locator('#categories').fill('Wasser, Hochwasser');
  if (await page.locator('input[name="visibility"][value="private"]').count() === 1) {
    await page.locator('input[name="visibility"][value="private"]').check();
  }
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.success');
  check(await page.locator('#categories').inputValue() === 'Wasser, Hochwasser', 'Datastream: categories not saved');
  await walk.screenshots('admin-datastream', 'form #name', { reload: false });
  const api = await (await fetch(walk.url(`/${config.tenant}/v1.1/Datastreams(${config.datastream})`),
    { headers: { Authorization: `Bearer ${config.key}` } })).json();
  check(api.name === 'Wasserstand Mühlbach Brücke' && JSON.stringify(api.properties.categories) === '["Wasser","Hochwasser"]',
    `Datastream: the API does not show what was saved: ${JSON.stringify(api)}`);

  // 4. API keys: the form's error state, a key created (its secret shown once) and revoked after a confirmation
  await page.locator('nav a', { hasText: 'API-Schlüssel' }).click();
  await page.waitForSelector('#name');
  await walk.axe('API keys');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  await walk.axe('API keys with errors');
  await page.locator('#name').fill('Pegel-Skript');
  await page.locator('input[name="role"][value="write"]').check();
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('#secret');
  const secret = await page.locator('#secret').inputValue();
  check(/^gw_[A-Za-z0-9_-]{43}$/.test(secret), `API key: no secret shown (${secret})`);
  await walk.axe('API key created');
  await walk.screenshots('admin-key-created', '#secret', { reload: false });
  const written = await fetch(walk.url(`/${config.tenant}/v1.1/Things`), { method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    body: JSON.stringify({ name: 'Bank am Teich', description: 'mit dem neuen Schlüssel' }) });
  check(written.status === 201, `API key: the new key cannot write (${written.status})`);
  await page.locator('a.button', { hasText: 'Zurück' }).click();
  await page.locator('table.list tr', { hasText: 'Pegel-Skript' }).locator('a').click();
  await page.waitForSelector('button.danger');
  await walk.axe('revoke API key');
  await page.locator('button.danger').click();
  await page.waitForSelector('.success');
  check((await page.locator('table.list tr', { hasText: 'Pegel-Skript' }).innerText()).includes('widerrufen'),
    'API key: not shown as revoked');
  await walk.screenshots('admin-keys', 'table.list');

  // 5. accounts: a colleague's account, the form's error state first
  await page.locator('nav a', { hasText: 'Konten' }).click();
  await page.waitForSelector('#displayName');
  await walk.axe('accounts');
  await page.locator('#login').fill('m.muster');
  await page.locator('#displayName').fill('Max Muster');
  await page.locator('#password').fill('ein-langes-Passwort-1');
  await page.locator('#passwordAgain').fill('ein-anderes-Passwort');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.error-summary a[href="#passwordAgain"]');
  await walk.axe('accounts with errors');
  await page.locator('#password').fill('ein-langes-Passwort-1');
  await page.locator('#passwordAgain').fill('ein-langes-Passwort-1');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.success');
  check(await page.locator('table.list tr', { hasText: 'Max Muster' }).count() === 1, 'accounts: the new one is not listed');

  // 6. settings: the form's error state, then a valid change
  await page.locator('nav a', { hasText: 'Einstellungen' }).click();
  await page.waitForSelector('#tileUrl');
  await walk.axe('settings');
  await page.locator('#tileUrl').fill('ftp://kacheln');
  await page.locator('#boundary').fill('{"type": "Point", "coordinates": [9.5, 51.3]}');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  check(await page.locator('.error-summary li').count() === 2, 'settings errors: not both errors named');
  await walk.axe('settings with errors');
  await page.locator('#tileUrl').fill('');
  await page.locator('#boundary').fill(config.boundary);
  await page.locator('#name').fill('Gemeinde Musterdorf');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.success');
  await walk.screenshots('admin-settings', '#tileUrl');

  // the console in English, then German again (the choice is kept in a cookie)
  await page.goto(walk.url(`${consoleRoot}datenstroeme?lang=en`));
  check(await page.locator('h1').innerText() === 'Datastreams', 'English: the Datastreams page is not in English');
  await walk.axe('Datastreams (English)');
  await page.goto(walk.url(`${consoleRoot}?lang=de`));

  // 7. the steps of other packages (LoRaWAN, jobs, …)
  for (const file of fs.readdirSync('.').filter((f) => /^admin-steps-.*\.mjs$/.test(f)).sort()) {
    const steps = (await import(`./${file}`)).default;
    await steps(walk, config);
  }

  // 8. signing out ends the session: the console asks to sign in again
  await page.goto(walk.url(consoleRoot));
  await page.locator('.sign-out button').click();
  await page.waitForURL('**/anmelden?abgemeldet');
  check(await page.locator('.notice').count() === 1, 'logout: no notice that one is signed out');
  await walk.axe('login page after logout');
  await page.goto(walk.url(consoleRoot));
  check(page.url().includes('/anmelden'), `after logout the console is still open: ${page.url()}`);
});
