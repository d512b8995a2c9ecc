// LoRaWAN and jobs in the admin console (package de.gemeinwerk.console.lorawan / .jobs): unknown devices' uplinks
// arrive through the real webhook endpoint, the admin adopts several at once and watches the job reach 100 %, finds
// them in the device list, and goes through every LoRaWAN page and its forms' error states with axe.
import fs from 'node:fs';

const SAMPLE = '../lorawan-ingestion/src/test/resources/testdata/lorawan/tts-v3/uplink-laq4.json';
const DEVICES = ['a840415f3100a001', 'a840415f3100a002', 'a840415f3100a003', 'a840415f3100a004'];

export default async function (walk, config) {
  const { page, check } = walk;
  const lorawan = `/${config.tenant}/verwaltung/lorawan/`;
  await seedQuarantine(walk, config);

  // the LoRaWAN start page
  await page.goto(walk.url(lorawan));
  await walk.keyboard('lorawan');
  await walk.axe('lorawan');

  // the quarantine: one row per device, with its count of kept uplinks
  await page.goto(walk.url(`${lorawan}quarantaene`));
  const rows = page.locator('table.list tbody tr');
  check(await rows.count() === DEVICES.length, `quarantine: ${await rows.count()} devices listed, not ${DEVICES.length}`);
  check((await rows.first().locator('td').nth(4).textContent()).trim() === '2', 'quarantine: not 2 uplinks per device');
  await walk.keyboard('quarantine');
  await walk.axe('quarantine');
  await walk.screenshots('admin-quarantine', 'table.list');

  // its error state: adopting nothing, of no type
  await page.locator('button[name="auswahl"][value="markierte"]').click();
  await page.waitForSelector('.error-summary');
  check(await page.locator('.error-summary li').count() === 2, 'quarantine errors: not two errors in the summary');
  await walk.axe('quarantine with errors');

  // adopt three at once: a job whose page reaches 100 %
  for (const devEui of DEVICES.slice(0, 3)) await page.locator(`#markiert-${devEui}`).check();
  await page.locator('#bulkDeviceType').selectOption({ label: await optionLabel(page, '#bulkDeviceType', 'dragino-laq4') });
  await page.locator('#namePattern').fill('Luftsensor {n}');
  await page.locator('button[name="auswahl"][value="markierte"]').click();
  await page.waitForURL('**/verwaltung/auftraege/*');
  await page.waitForSelector('.state.finished', { timeout: 30000 });
  const bar = page.locator('progress');
  check(await bar.getAttribute('value') === '3' && await bar.getAttribute('max') === '3',
    `job: the progress bar is not full (${await bar.getAttribute('value')} of ${await bar.getAttribute('max')})`);
  check((await page.locator('.done-text').textContent()).includes('3 von 3'), 'job: no "3 von 3"');
  await walk.keyboard('job');
  await walk.axe('job');
  await walk.screenshots('admin-job', '.job');

  // the adopted devices are in the device list
  await page.locator('a.button', { hasText: 'Zu den Geräten' }).click();
  await page.waitForURL('**/lorawan/geraete');
  for (const name of ['Luftsensor 1', 'Luftsensor 2', 'Luftsensor 3'])
    check(await page.locator('table.list td a', { hasText: name }).count() === 1, `devices: ${name} is not listed`);
  await walk.axe('devices');
  await walk.screenshots('admin-devices', 'table.list');

  // registering a device: error state, then saved
  await page.goto(walk.url(`${lorawan}geraete/neu`));
  await walk.axe('device form');
  await page.locator('#latitude').fill('95');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  check(await page.locator('.field.invalid').count() >= 3, 'device form: the wrong fields are not marked');
  await walk.axe('device form with errors');
  await page.locator('#devEui').fill('24E1247131000001');
  await page.locator('#name').fill('Füllstand Bahnhof');
  await page.locator('#deviceType').selectOption({ label: await optionLabel(page, '#deviceType', 'milesight-em500-udl') });
  await page.locator('#latitude').fill('51,2981');
  await page.locator('#longitude').fill('9,4942');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL('**/lorawan/geraete/24e1247131000001?erledigt=registriert');
  check(await page.locator('#latitude').inputValue() === '51.2981', 'device: the latitude was not kept');
  await walk.axe('device page');
  await page.locator('a.danger-link').click();
  await walk.axe('device delete confirmation');
  await page.locator('main form button.danger').click();
  await page.waitForURL('**/lorawan/geraete?erledigt=geloescht');

  // importing from CSV: a malformed file names line and column, a good one runs as a job
  await page.goto(walk.url(`${lorawan}geraete/import`));
  await walk.axe('import');
  await upload(page, 'DevEUI;Name;Gerätetyp;Breite;Länge\r\n24E1247131000002;Pegel;milesight-em500-swl;51,3;9,5\r\n24E1247131000002;Pegel 2;milesight-em500-swl;51,3;9,5\r\n');
  await page.waitForSelector('.problem');
  check((await page.locator('.problem strong').textContent()).includes('Zeile 3, Spalte 1'), 'import: the place of the error is not named');
  await walk.axe('import with errors');
  await upload(page, 'DevEUI;Name;Gerätetyp;Breite;Länge\r\n24E1247131000002;Pegel Fulda;milesight-em500-swl;51,3;9,5\r\n');
  await page.waitForURL('**/verwaltung/auftraege/*');
  await page.waitForSelector('.state.finished', { timeout: 30000 });

  // device types: the list, a built-in type with its mappings and decoder, the form's error state
  await page.goto(walk.url(`${lorawan}geraetetypen`));
  await walk.axe('device types');
  await page.locator('table.list a', { hasText: 'Dragino LAQ4' }).first().click();
  await page.waitForSelector('pre.code');
  await walk.axe('device type');
  await page.goto(walk.url(`${lorawan}geraetetypen/neu`));
  await walk.axe('device type form');
  await page.locator('#key').fill('Nicht Gültig');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  await walk.axe('device type form with errors');

  // connections: the webhook form's and the MQTT form's error states, a webhook's secret shown once
  await page.goto(walk.url(`${lorawan}verbindungen`));
  await walk.axe('connections');
  await page.locator('#uri').fill('http://broker');
  await page.locator('form[action$="/mqtt"] button[type="submit"]').click();
  await page.waitForSelector('.error-summary');
  await walk.axe('connections with errors');
  await page.locator('#webhookName').fill('ChirpStack der Stadtwerke');
  await page.locator('#webhookServer').selectOption('chirpstack');
  await page.locator('form[action$="/webhooks"] button[type="submit"]').click();
  await page.waitForSelector('code.secret');
  check((await page.locator('code.secret').nth(1).textContent()).startsWith('gw_'), 'webhook: no secret shown');
  await walk.axe('webhook created');

  // the last device in the quarantine is discarded, after asking
  await page.goto(walk.url(`${lorawan}quarantaene/${DEVICES[3]}/verwerfen`));
  await walk.axe('quarantine discard confirmation');
  await page.locator('main form button.danger').click();
  await page.waitForURL('**/lorawan/quarantaene?erledigt=verworfen');
  check(await page.locator('table.list').count() === 0, 'quarantine: not empty after adopting and discarding');
}

/** A webhook for The Things Stack, and two uplinks of each unknown device through it (with a position). */
async function seedQuarantine(walk, config) {
  const admin = `${config.baseUrl}/${config.tenant}/admin/v1/lorawan`;
  const created = await fetch(`${admin}/webhooks`, {
    method: 'POST', headers: { Authorization: `Bearer ${config.key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Browser-Test', networkServer: 'the-things-stack' }),
  });
  walk.check(created.status === 201, `seeding: webhook not created (${created.status})`);
  const { secret } = await created.json();
  const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
  for (const [d, devEui] of DEVICES.entries()) {
    for (const u of [0, 1]) {
      const uplink = structuredClone(sample);
      uplink.end_device_ids.dev_eui = devEui.toUpperCase();
      uplink.end_device_ids.device_id = `eui-${devEui}`;
      uplink.correlation_ids = [`as:up:browser-${devEui}-${u}`];
      uplink.received_at = new Date(Date.UTC(2026, 10, 22, 8, d, u)).toISOString();
      uplink.uplink_message.decoded_payload.CO2_ppm = 420 + u;
      uplink.uplink_message.locations = { user: { latitude: 51.31 + d / 1000, longitude: 9.48, source: 'SOURCE_REGISTRY' } };
      const answer = await fetch(`${config.baseUrl}/${config.tenant}/lorawan/v1/the-things-stack/uplink`, {
        method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(uplink),
      });
      const outcome = answer.ok ? (await answer.json()).outcome : answer.status;
      walk.check(outcome === 'quarantined', `seeding: uplink of ${devEui} answered ${outcome}`);
    }
  }
}

/** The full label of the select's option whose text names the device type key. */
async function optionLabel(page, select, key) {
  const labels = await page.locator(`${select} option`).allTextContents();
  return labels.find((label) => label.includes(`(${key}`));
}

async function upload(page, csv) {
  await page.locator('#datei').setInputFiles({ name: 'geraete.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.locator('main form button[type="submit"]').click();
}
