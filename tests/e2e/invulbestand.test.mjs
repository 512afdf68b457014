// The invulbestand in the real desktop app: Exporteren makes one; a colleague fills it in a real
// spreadsheet program (LibreOffice Calc, headless, tests/tools/calc.py); reading it back shows
// every field that changes before anything is saved, saving writes one history entry per field,
// and undo restores the last one.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { cli, run } from './lib/cli.mjs';
import { ROOT, startDriver, tempDb } from './lib/webdriver.mjs';

const CALC = path.join(ROOT, 'tests', 'tools', 'calc.py');
const tmp = tempDb('raadsbudget-e2e-invulbestand-');
let driver;
let org;
let benchmarkFile;

/** Opens `input` in LibreOffice Calc, does `actions`, saves it as `output`. */
function calc(input, output, actions) {
  const file = `${output}.json`;
  fs.writeFileSync(file, JSON.stringify(actions));
  run('/usr/bin/python3', [CALC, input, output, file]);
}

/** `812345.50` → `812.345,50`, as the app shows an amount. */
function dutch(canonical) {
  const [whole, cents] = canonical.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
}

before(async () => {
  const files = path.join(tmp.dir, 'bestanden');
  cli(['demo', '--uitvraag', '2026', '--aantal', '3', '--uit', files]);
  const name = fs.readdirSync(files).filter((f) => f.includes('_GM')).sort()[0];
  org = name.split('_')[2];
  benchmarkFile = path.join(files, name);
  cli(['--db', tmp.db, 'import', benchmarkFile]);
  driver = await startDriver({ db: tmp.db });
});

after(async () => {
  try {
    await driver?.stop();
  } finally {
    tmp.cleanup();
  }
});

/** The value of a post in the benchmark file, as canonical text. */
function valueIn(file, jaar, fase, post) {
  const row = fs
    .readFileSync(file, 'utf8')
    .split('\r\n')
    .map((l) => l.split(','))
    .find((f) => f[6] === String(jaar) && f[7] === fase && f[8] === post);
  return row[9];
}

async function go(app, nav, heading) {
  await (await app.byTestId(`nav-${nav}`)).click();
  await app.waitForText('h1', heading);
}

test('an invulbestand is made, filled in LibreOffice, previewed, saved field by field and undone', async () => {
  const app = await driver.newSession();
  await app.waitFor(async () => {
    const [el] = await app.findAll('h1');
    return el && (await el.text()).includes('Overzicht');
  }, { message: 'the overview of the one organisation' });
  await go(app, 'exporteren', 'Exporteren 2026');

  // Make it.
  const outDir = path.join(tmp.dir, 'invul');
  await (await app.waitFind('#invulbestand-map', { visible: true })).fill(outDir);
  await (await app.byTestId('knop-invulbestand-maken')).click();
  const shown = await app.waitForText('[data-testid="invulbestand-pad"]', outDir);
  const made = (await shown.text()).trim();
  assert.equal(made, path.join(outDir, `invulbestand_2026_${org}.xlsx`));
  assert.ok(fs.statSync(made).size > 10_000);
  await assertA11y(app, 'exporteren-invulbestand');

  // Filled in by a colleague: everything as it is, two amounts new.
  const filled = path.join(tmp.dir, 'ingevuld.xlsx');
  calc(made, filled, [
    { vul_benchmark: benchmarkFile },
    { zet_post: '2026 begroting GRF.PERSONEEL waarde', getal: 777777.77 },
    { zet_post: '2026 begroting GRF.INHUUR waarde', getal: 12345 },
  ]);

  // A file that is not one is refused with a Dutch message, and nothing changes.
  const junk = path.join(tmp.dir, 'geen.xlsx');
  fs.writeFileSync(junk, 'dit is geen werkmap');
  const file = await app.waitFind('#invulbestand-bestand', { visible: true });
  await file.fill(junk);
  await (await app.byTestId('knop-invulbestand-bekijken')).click();
  await app.waitForText('[data-testid="invulbestand-fout"]', 'beschadigd');

  // The preview: exactly the two fields, old and new.
  await file.fill(filled);
  await (await app.byTestId('knop-invulbestand-bekijken')).click();
  await app.waitForText('[data-testid="invulbestand-samenvatting"]', 'Opslaan verandert 2 velden');
  const personeel = await app.waitFind('[data-testid="wijziging-GRF.PERSONEEL"]');
  const personeelText = await personeel.text();
  assert.match(personeelText, /777\.777,77/, personeelText);
  const oldPersoneel = dutch(valueIn(benchmarkFile, 2026, 'begroting', 'GRF.PERSONEEL'));
  assert.ok(personeelText.includes(oldPersoneel), `${personeelText} shows ${oldPersoneel}`);
  assert.match(await (await app.byTestId('wijziging-GRF.INHUUR')).text(), /12\.345,00/);
  await assertA11y(app, 'exporteren-invulbestand-voorbeeld');
  await app.screenshot('invulbestand-voorbeeld');

  // Saved: two fields, each in the history.
  await (await app.byTestId('knop-invulbestand-opslaan')).click();
  await app.waitForText('[data-testid="invulbestand-resultaat"]', '2 velden opgeslagen');
  await go(app, 'geschiedenis', 'Geschiedenis');
  await app.waitForText('[data-testid="tabel-geschiedenis"]', '777.777,77');
  await app.waitForText('[data-testid="tabel-geschiedenis"]', 'ingelezen uit ingevuld.xlsx');

  // Undo: the last one (GRF.PERSONEEL, the later in form order) is as it was.
  await (await app.byTestId('knop-ongedaan-maken')).click();
  await app.waitForText('[data-testid="ongedaan-resultaat"]', 'Ongedaan gemaakt');
  await go(app, 'invoer', 'Invoer 2026');
  const field = await app.waitFind('#veld-2026-begroting-GRF_PERSONEEL', { visible: true });
  await app.waitFor(async () => (await field.value()) === oldPersoneel, { message: `GRF.PERSONEEL back to ${oldPersoneel}` });
  const inhuur = await app.waitFind('#veld-2026-begroting-GRF_INHUUR', { visible: true });
  assert.equal(await inhuur.value(), '12.345,00');
  await app.close();
});
