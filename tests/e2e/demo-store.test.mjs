// A store filled by the CLI (`raadsbudget demo --db … --organisaties K`) opens in the app: the
// organisations can be chosen, and their uitvragen show with status and totals.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { CLI } from './lib/cli.mjs';
import { startDriver, tempDb } from './lib/webdriver.mjs';

const tmp = tempDb('raadsbudget-e2e-demo-');
let driver;

before(async () => {
  const env = { ...process.env };
  delete env.RAADSBUDGET_DB;
  const year = String(new Date().getUTCFullYear());
  const r = spawnSync(CLI, ['--db', tmp.db, 'demo', '--uitvraag', year, '--organisaties', '3'], { encoding: 'utf8', env });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  driver = await startDriver({ db: tmp.db });
});

after(async () => {
  try {
    await driver?.stop();
  } finally {
    tmp.cleanup();
  }
});

test('demo organisations made by the CLI open in the app', async () => {
  const app = await driver.newSession();
  const orgs = await app.invoke('organisaties');
  assert.ok(orgs.ok, JSON.stringify(orgs.error));
  assert.equal(orgs.value.length, 3);
  const { code, naam } = orgs.value[0];

  await app.waitForText('h1', 'Kies een organisatie');
  for (const o of orgs.value) await app.waitForText('[data-testid="organisatie-lijst"]', o.naam);
  await assertA11y(app, 'organisatie kiezen');
  await app.screenshot('30-organisatie-kiezen');

  await (await app.byTestId(`knop-organisatie-openen-${code}`)).click();
  await app.waitForText('h1', 'Overzicht');
  await app.waitForText('[data-testid="organisatie-naam"]', naam);
  const info = await app.invoke('app_info');
  const u = info.value.huidige_uitvraag;
  // Four years of figures: the current uitvraag is complete, so it is checked, not empty.
  await app.waitFind(`[data-testid="status-${u}"][data-status="gecontroleerd"]`);
  const total = await app.waitFind(`[data-testid="uitvraag-detail-${u}"] [data-testid="totaal-TOTAAL"]`);
  assert.match(await total.text(), /\d{1,3}(\.\d{3})*,\d\d/);
  await assertA11y(app, 'overzicht (demo)');
  await app.screenshot('31-overzicht-demo');
  await app.close();
});
