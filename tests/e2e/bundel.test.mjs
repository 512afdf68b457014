// A BZK researcher bundles a pile of benchmark files in the app (Bundelen, no organisation
// needed): 40 demo files made by the CLI, one with a broken header and one exact copy. The
// summary, the rejected file's finding, and an output folder byte for byte the same as
// `raadsbudget bundel` writes for the same input.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { cliUnchecked as cli } from './lib/cli.mjs';
import { startDriver, tempDb } from './lib/webdriver.mjs';

const tmp = tempDb('raadsbudget-e2e-bundel-');
const input = path.join(tmp.dir, 'in');
const appOut = path.join(tmp.dir, 'uit-app');
const cliOut = path.join(tmp.dir, 'uit-cli');
let driver;

/** Every file under `dir` (relative path → bytes). */
function filesIn(dir) {
  const out = new Map();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    out.set(path.relative(dir, full), fs.readFileSync(full));
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

before(async () => {
  const r = cli(['demo', '--aantal', '40', '--uit', input]);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const demo = fs.readdirSync(input).filter((f) => f.endsWith('.csv')).sort();
  assert.equal(demo.length, 40, demo.join(', '));
  // One file with a broken header (F102), and one exact copy of another (dubbel).
  const text = fs.readFileSync(path.join(input, demo[0]), 'utf8');
  const [header, ...rest] = text.split('\n');
  fs.writeFileSync(path.join(input, 'kapot.csv'), [header.replace(/^[^,]+/, 'kolom_bestaat_niet'), ...rest].join('\n'));
  fs.mkdirSync(path.join(input, 'nogmaals'));
  fs.copyFileSync(path.join(input, demo[1]), path.join(input, 'nogmaals', demo[1]));
  driver = await startDriver({ db: tmp.db });
});

after(async () => {
  try {
    await driver?.stop();
  } finally {
    tmp.cleanup();
  }
});

test('a researcher bundles 42 files in the app, with the same output as the CLI', async () => {
  const app = await driver.newSession();
  // No organisation: the start screen leads to Bundelen, and so does the menu.
  await app.waitForText('h1', 'Welkom bij Raadsbudget');
  await app.byTestId('nav-bundelen');
  await (await app.byTestId('knop-naar-bundelen')).click();
  await app.waitForText('h1', 'Bundelen');
  assert.equal(await app.title(), 'Bundelen — Raadsbudget');
  assert.equal(await (await app.byTestId('nav-bundelen')).attr('aria-current'), 'page');
  await assertA11y(app, 'bundelen');

  await (await app.waitFind('#bundel-invoer-pad')).type(input);
  await (await app.byTestId('knop-invoer-toevoegen')).click();
  await app.waitForText('[data-testid="invoer-lijst"]', input);
  await (await app.waitFind('#bundel-uit')).type(appOut);
  await app.screenshot('39-bundelen');
  const button = await app.byTestId('knop-bundelen');
  await app.waitFor(() => button.enabled(), { message: 'the Bundelen button to be enabled' });
  await button.click();

  const result = await app.byTestId('bundel-resultaat', { timeout: 120_000 });
  const count = async (id) => (await result.find(`[data-testid="${id}"]`)).text();
  assert.equal(await count('aantal-bestanden'), '42');
  assert.equal(await count('aantal-geaccepteerd'), '40');
  assert.equal(await count('aantal-vervangen'), '0');
  assert.equal(await count('aantal-dubbel'), '1');
  assert.equal(await count('aantal-afgewezen'), '1');
  assert.equal(await count('aantal-organisaties'), '40');
  // The live region is visually hidden (WebDriver's text() is empty then): read its textContent.
  const announced = await app.execute(
    'return document.querySelector(\'[data-testid="bundel-voortgang-melding"]\').textContent',
  );
  assert.equal(announced, 'Klaar: 42 bestanden gebundeld.');
  const summary = await (await app.byTestId('bundel-samenvatting')).text();
  assert.match(summary, /42 bestanden gebundeld:/);
  assert.match(summary, /geaccepteerd\s+40/);

  // The rejected file: its finding F102 opens below its row.
  const rejected = await app.waitFind('[data-testid="tabel-bundel-bestanden"] tr[data-status="afgewezen"]');
  assert.equal(await rejected.attr('data-bestand'), path.join(input, 'kapot.csv'));
  const testId = await rejected.attr('data-testid');
  const index = testId.replace('bestand-', '');
  const toggle = await rejected.find(`[data-testid="knop-meldingen-${index}"]`);
  assert.equal(await toggle.attr('aria-expanded'), 'false');
  await toggle.click();
  const findings = await app.byTestId(`meldingen-${index}`);
  assert.match(await (await findings.find('[data-testid="melding-F102"]')).text(), /Fout F102/);
  assert.equal(await toggle.attr('aria-expanded'), 'true');
  const duplicate = await app.waitFind('[data-testid="tabel-bundel-bestanden"] tr[data-status="dubbel"]');
  assert.match(await (await duplicate.find('[data-testid="opmerking"]')).text(), /\S/);

  // Only the rejected files.
  await (await app.waitFind('#bundel-filter option[value="afgewezen"]')).click();
  await app.waitFor(async () => (await app.findAll('[data-testid="tabel-bundel-bestanden"] tbody tr[data-status]')).length === 1, {
    message: 'the filter to leave one row',
  });
  await assertA11y(app, 'bundelen (resultaat)');
  await app.execute('document.querySelector(\'[data-testid="bundel-resultaat"]\').scrollIntoView()');
  await app.screenshot('40-bundelen-resultaat');

  // The output folder: the CSV files the screen lists, and nothing else.
  const listed = await app.execute(
    'return [...document.querySelectorAll(\'[data-testid="bundel-uitvoer"] li\')].map((li) => li.textContent)',
  );
  const written = fs.readdirSync(appOut).sort();
  assert.deepEqual(written, [...listed].sort());
  for (const name of ['inzendingen.csv', 'meldingen.csv', 'waarden.csv', 'breed.csv', 'kengetallen.csv', 'statistiek.csv']) {
    assert.ok(written.includes(name), `${name} missing in ${written.join(', ')}`);
  }
  assert.equal(await (await app.byTestId('bundel-uitvoermap')).text(), fs.realpathSync(appOut));

  // The CLI on the same input: exit 1 (a rejected file), and byte for byte the same output.
  const r = cli(['bundel', input, '--uit', cliOut]);
  assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
  const fromApp = filesIn(appOut);
  const fromCli = filesIn(cliOut);
  assert.deepEqual([...fromApp.keys()], [...fromCli.keys()]);
  for (const [name, bytes] of fromApp) {
    assert.ok(bytes.equals(fromCli.get(name)), `${name} differs between the app and the CLI`);
  }

  // Only a folder a bundle wrote into can be opened from the UI.
  const refused = await app.invoke('uitvoermap_openen', { map: tmp.dir });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.kind, 'invoer');
  await app.close();
});
