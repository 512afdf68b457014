// Year two in the real desktop app: a store with uitvraag 2026 filled in under definities
// 2026.1 opens uitvraag 2027 under 2027.1. The split posts show last year's total across their
// parts and stay empty after "Overnemen van vorig jaar"; the renamed post is filled; "Wat is er
// veranderd" lists the six changes; the export is a 2027.1 file; a restart keeps it all.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { cli } from './lib/cli.mjs';
import { startDriver, tempDb } from './lib/webdriver.mjs';

const tmp = tempDb('raadsbudget-e2e-definities-');
let driver;
let org;

before(async () => {
  // Uitvraag 2026 of one demo gemeente, as its 2026.1 file, imported into a new store.
  const files = path.join(tmp.dir, 'bestanden');
  cli(['demo', '--uitvraag', '2026', '--aantal', '3', '--uit', files]);
  const file = fs.readdirSync(files).filter((f) => f.includes('_GM')).sort()[0];
  org = file.split('_')[2];
  cli(['--db', tmp.db, 'import', path.join(files, file)]);
  driver = await startDriver({ db: tmp.db });
});

after(async () => {
  try {
    await driver?.stop();
  } finally {
    tmp.cleanup();
  }
});

const key = (jaar, fase, post) => `${jaar}-${fase}-${post.replace(/\./g, '_')}`;

async function vorigJaar(app, jaar, fase, post) {
  const cel = await app.waitFind(`[data-testid="cel-${key(jaar, fase, post)}"]`);
  const tekst = await cel.find('[data-testid="vorig-jaar"]');
  return tekst ? tekst.text() : null;
}

async function openUitvraag2027(app) {
  // With one organisation in the store the app opens it at once.
  const h1 = await app.waitFor(async () => {
    const [el] = await app.findAll('h1');
    const t = el ? await el.text() : '';
    return t.includes('Overzicht') || t.includes('Kies een organisatie') ? t : null;
  }, { message: 'the first screen' });
  if (h1.includes('Kies een organisatie')) {
    await (await app.byTestId(`knop-organisatie-openen-${org}`)).click();
    await app.waitForText('h1', 'Overzicht');
  }
  const select = await app.waitFind('#uitvraag-kiezen', { visible: true });
  await select.click();
  await (await app.find('#uitvraag-kiezen option[value="2027"]')).click();
  await app.waitFor(async () => (await select.value()) === '2027', { message: 'uitvraag 2027 chosen' });
  await (await app.byTestId('nav-invoer')).click();
  await app.waitForText('h1', 'Invoer 2027');
}

test('uitvraag 2027 opens under 2027.1 over a store of 2026.1, and keeps it after a restart', async () => {
  let app = await driver.newSession();
  await openUitvraag2027(app);
  await app.waitForText('main', 'definities 2027.1');

  // The split: last year's total across both parts, not filled in.
  for (const post of ['GRF.MATERIEEL', 'GRF.INFORMATIEVOORZIENING']) {
    const t = await vorigJaar(app, 2027, 'begroting', post);
    assert.match(t, /^2026\.1: € [\d.]+,\d\d voor GRF\.MATERIEEL en GRF\.INFORMATIEVOORZIENING samen$/, t);
  }
  // The changed realisatie fte is marked.
  const fte = await app.waitFind(`[data-testid="cel-${key(2026, 'realisatie', 'GRF.FTE')}"] [data-testid="vorig-jaar-opmerking"]`);
  assert.match(await fte.text(), /andere definitie/);
  // The retired post is not on the form; the renamed one is.
  assert.equal((await app.findAll(`#veld-${key(2027, 'begroting', 'ENQ.AANTAL')}`)).length, 0);
  await app.waitFind(`#veld-${key(2027, 'begroting', 'ENQ.STELPOST')}`);

  // Wat is er veranderd: six changes.
  await (await app.waitFind('[data-testid="wat-is-er-veranderd"] summary', { visible: true })).click();
  await app.waitFor(async () => (await app.findAll('[data-testid="wat-is-er-veranderd"] [data-testid="wijziging"]')).length === 6, {
    message: 'six changes listed',
  });
  await assertA11y(app, 'invoer 2027 met wijzigingen');
  await app.screenshot('40-invoer-2027-wijzigingen');

  // Overnemen van vorig jaar: the renamed post is filled, the split parts stay empty.
  await (await app.byTestId('knop-vorig-jaar-overnemen')).click();
  await app.waitFor(async () => (await (await app.byTestId('status-overnemen')).text()).trim() !== '', {
    message: 'overnemen reported',
  });
  const waarde = async (jaar, fase, post) => (await app.waitFind(`#veld-${key(jaar, fase, post)}`)).value();
  const reden = async (jaar, fase, post) => (await app.waitFind(`#reden-${key(jaar, fase, post)}`)).value();
  await app.waitFor(async () => (await waarde(2027, 'begroting', 'GRF.PERSONEEL')) !== '', { message: 'GRF.PERSONEEL filled' });
  const stelpost = async () => [await waarde(2027, 'begroting', 'ENQ.STELPOST'), await reden(2027, 'begroting', 'ENQ.STELPOST')];
  const [sw, sr] = await stelpost();
  assert.ok(sw !== '' || sr !== 'waarde', `ENQ.STELPOST filled: ${sw} ${sr}`);
  for (const post of ['GRF.MATERIEEL', 'GRF.INFORMATIEVOORZIENING', 'RKK.PERSONEEL', 'RKK.INZET_GRIFFIE']) {
    assert.equal(await waarde(2027, 'begroting', post), '', `${post} stays empty`);
  }
  assert.equal(await waarde(2026, 'realisatie', 'GRF.FTE'), '', 'realisatie fte stays empty');
  await app.screenshot('41-invoer-2027-overgenomen');

  // The export is a 2027.1 file (a draft: the split parts are still to be filled).
  const uit = path.join(tmp.dir, 'export');
  fs.mkdirSync(uit);
  const r = await app.invoke('exporteren', { organisatie: org, uitvraag: 2027, map: uit, concept: true });
  assert.ok(r.ok, JSON.stringify(r.error));
  const [bestand] = fs.readdirSync(uit);
  const tekst = fs.readFileSync(path.join(uit, bestand), 'utf8');
  const regels = tekst.trim().split('\r\n').slice(1);
  assert.ok(regels.length > 20 && regels.every((l) => l.includes(',2027.1,2027,')), tekst);
  await app.close();

  // A restart keeps it all.
  app = await driver.newSession();
  await openUitvraag2027(app);
  assert.deepEqual(await stelpost(), [sw, sr]);
  assert.match(await vorigJaar(app, 2027, 'begroting', 'GRF.INFORMATIEVOORZIENING'), /samen$/);
  assert.equal(await waarde(2027, 'begroting', 'GRF.MATERIEEL'), '');
  await app.close();
});
