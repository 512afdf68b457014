// A rekenkamerlid compares the own gemeente with peers in the real app: two years of demo
// bundles made by the CLI are loaded, a peer group is chosen, and the chart's own value, the
// table row, the rank text and the median must equal the bundle's kengetallen.csv and
// statistiek.csv; the chart is exported as SVG and PNG and the table as CSV; the factsheet shows
// and is saved as PDF.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { cli } from './lib/cli.mjs';
import { startDriver, tempDb } from './lib/webdriver.mjs';

const AANTAL = '120';
const tmp = tempDb('raadsbudget-e2e-vergelijken-');
const bundel = (u) => path.join(tmp.dir, `bundel-${u}`);
let driver;

/** A CSV written by Raadsbudget (no quoted commas in these columns) as objects. */
function csv(file) {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
  const names = header.split(',');
  return rows.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/**
 * `1234.5678` as published (4 decimals) → `1.234,57`, as the app shows it: 2 decimals, rounded
 * half away from zero, in Dutch notation. Done on the digits, never through a float.
 */
function dutch(text) {
  const negative = text.startsWith('-');
  const [int, frac = ''] = text.replace(/^-/, '').split('.');
  const digits = `${frac}000`;
  let cents = BigInt(int) * 100n + BigInt(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) cents += 1n;
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (cents % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole},${rest}`;
}

before(async () => {
  for (const u of ['2025', '2026']) {
    const input = path.join(tmp.dir, `in-${u}`);
    cli(['demo', '--uitvraag', u, '--aantal', AANTAL, '--uit', input]);
    cli(['bundel', input, '--uit', bundel(u), '--uitvraag', u, '--stil']);
  }
  // The store holds the same demo organisations (same seed), so their own figures equal the
  // bundles'.
  cli(['--db', tmp.db, 'demo', '--uitvraag', '2026', '--organisaties', AANTAL]);
  driver = await startDriver({ db: tmp.db });
});

after(async () => {
  try {
    await driver?.stop();
  } finally {
    tmp.cleanup();
  }
});

/** Chooses an option of a <select> by clicking it, and waits until the select holds it. */
async function choose(app, selectId, value) {
  const select = await app.waitFind(`#${selectId}`, { visible: true });
  await select.click();
  await (await app.find(`#${selectId} option[value="${value}"]`)).click();
  await app.waitFor(async () => (await select.value()) === value, { message: `#${selectId} = ${value}` });
}

test('a rekenkamerlid compares with peers, exports the chart and table, and saves the factsheet', async () => {
  // The own gemeente: one whose grootteklasse has at least 6 gemeenten in begroting 2026.
  const kengetallen = csv(path.join(bundel('2026'), 'kengetallen.csv'));
  const statistiek = csv(path.join(bundel('2026'), 'statistiek.csv'));
  const rkk = kengetallen.filter((r) => r.jaar === '2026' && r.fase === 'begroting' && r.categorie === 'RKK');
  const stat = (klasse) =>
    statistiek.find(
      (s) => s.jaar === '2026' && s.fase === 'begroting' && s.categorie === 'RKK' && s.indicator === 'per_inwoner' && s.groep === `grootteklasse_${klasse}`,
    );
  const own = rkk.find((r) => r.organisatie_code.startsWith('GM') && r.per_inwoner !== '' && Number(stat(r.grootteklasse)?.n) >= 6);
  assert.ok(own, 'a gemeente in a grootteklasse with peers');
  const groupStat = stat(own.grootteklasse);
  const peers = rkk.filter((r) => r.grootteklasse === own.grootteklasse && r.per_inwoner !== '');
  assert.equal(peers.length, Number(groupStat.n));
  const expectedRank = 1 + peers.filter((r) => Number(r.per_inwoner) > Number(own.per_inwoner)).length;

  const app = await driver.newSession();
  await app.waitForText('h1', 'Kies een organisatie');
  await (await app.byTestId(`knop-organisatie-openen-${own.organisatie_code}`)).click();
  await app.waitForText('h1', 'Overzicht');
  await (await app.byTestId('nav-vergelijken')).click();
  await app.waitForText('h1', 'Vergelijken');
  assert.equal(await app.title(), 'Vergelijken — Raadsbudget');
  await app.byTestId('vergelijk-leeg');

  // Load two years of bundles, typed as paths.
  for (const u of ['2025', '2026']) {
    await (await app.waitFind('#bron-pad')).fill(bundel(u));
    await (await app.byTestId('knop-bron-laden')).click();
    await app.waitForText('[data-testid="bron-status"]', 'Geladen');
    await app.waitForText('[data-testid="bronnen-tabel"]', bundel(u));
  }
  assert.equal((await app.findAll('[data-testid="bronnen-tabel"] tbody tr')).length, 2);

  // Rekenkamer per inwoner, begroting 2026, same grootteklasse (the default group).
  await choose(app, 'vergelijk-categorie', 'RKK');
  await choose(app, 'vergelijk-indicator', 'per_inwoner');
  await choose(app, 'vergelijk-jaar', '2026-begroting');
  await choose(app, 'vergelijk-groep', 'grootteklasse');
  const ownText = `€ ${dutch(own.per_inwoner)}`;
  await app.waitForText('[data-testid="vergelijk-titel"]', 'Rekenkamer');
  await app.waitForText('[data-testid="grafiek-verdeling"] [data-testid="eigen-label"]', dutch(own.per_inwoner));
  await app.byTestId('eigen-markering');

  // The table row, the rank text and the median equal the bundle.
  const row = await app.waitFind(`tr[data-code="${own.organisatie_code}"]`);
  assert.equal(await row.attr('data-eigen'), 'true');
  assert.equal((await (await row.find('[data-kolom="waarde"]')).text()).trim(), ownText);
  assert.equal((await (await row.find('[data-kolom="plaats"]')).text()).trim(), String(expectedRank));
  assert.equal((await app.findAll('[data-testid="vergelijk-tabel"] tbody tr')).length, peers.length);
  await app.waitForText('[data-testid="positie-plaats"]', `plaats ${expectedRank} van ${groupStat.n}`);
  const median = (await (await app.byTestId('mediaan')).text()).trim();
  assert.ok(median.endsWith(dutch(groupStat.mediaan)), `median ${median} vs ${groupStat.mediaan}`);
  const trend = await app.byTestId('grafiek-trend');
  assert.match(await trend.text(), /2025/);
  await assertA11y(app, 'vergelijken');
  await app.execute('document.querySelector(\'[data-testid="grafiek-verdeling"]\').scrollIntoView()');
  await app.screenshot('50-vergelijken-verdeling');
  await app.execute('document.querySelector(\'[data-testid="grafiek-trend"]\').scrollIntoView()');
  await app.screenshot('51-vergelijken-trend');

  // Exports: SVG and PNG of the chart, CSV of the table.
  const svgPath = path.join(tmp.dir, 'export', 'verdeling.svg');
  const pngPath = path.join(tmp.dir, 'export', 'verdeling.png');
  const csvPath = path.join(tmp.dir, 'export', 'vergelijking.csv');
  fs.mkdirSync(path.dirname(svgPath), { recursive: true });
  for (const [file, button] of [
    [svgPath, 'knop-svg'],
    [pngPath, 'knop-png'],
    [csvPath, 'knop-csv'],
  ]) {
    await (await app.waitFind('#export-pad')).fill(file);
    await (await app.byTestId(button)).click();
    await app.waitForText('[data-testid="export-status"]', file);
  }
  const svg = fs.readFileSync(svgPath, 'utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.includes(dutch(own.per_inwoner)), 'the own value is in the SVG');
  const png = fs.readFileSync(pngPath);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 2000, `PNG of ${png.length} bytes`);
  const table = csv(csvPath);
  assert.equal(table.length, peers.length);
  const ownRow = table.find((r) => r.organisatie_code === own.organisatie_code);
  assert.equal(ownRow.eigen, 'ja');
  assert.equal(ownRow.waarde, own.per_inwoner);
  assert.equal(ownRow.plaats, String(expectedRank));
  for (const p of peers) {
    assert.equal(table.find((r) => r.organisatie_code === p.organisatie_code)?.waarde, p.per_inwoner, p.organisatie_code);
  }

  // The factsheet: own figures, accessible, saved as PDF.
  await (await app.byTestId('nav-factsheet')).click();
  await app.waitForText('h1', 'Factsheet');
  const totaal = kengetallen.find(
    (r) => r.organisatie_code === own.organisatie_code && r.jaar === '2026' && r.fase === 'begroting' && r.categorie === 'TOTAAL',
  );
  await app.waitForText('[data-testid="factsheet"]', `€ ${dutch(totaal.per_inwoner)}`);
  await assertA11y(app, 'factsheet');
  await app.screenshot('52-factsheet');
  const pdfPath = path.join(tmp.dir, 'export', 'factsheet.pdf');
  await (await app.waitFind('#factsheet-pad')).fill(pdfPath);
  await (await app.byTestId('knop-factsheet-pdf')).click();
  await app.waitForText('[data-testid="factsheet-status"]', pdfPath);
  const text = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  assert.equal(text.status, 0, text.stderr);
  assert.ok(text.stdout.includes(own.organisatie_code), text.stdout);
  assert.ok(text.stdout.includes(`€ ${dutch(totaal.per_inwoner)}`), text.stdout);
  await app.close();
});
