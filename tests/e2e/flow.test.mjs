// A griffier's whole flow in the real desktop app: first start, a full uitvraag typed in
// (a Dutch-formatted amount, an nvt with a reason, an onbekend), kengetallen that follow the
// typing, a warning that appears and disappears, an undo, the export — byte for byte the file
// the CLI writes for the same data — and a restart with everything still there. Every screen
// gets an accessibility check and a screenshot.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { cli } from './lib/cli.mjs';
import { Key, startDriver, tempDb } from './lib/webdriver.mjs';

const ORG = 'GM0363';

const tmp = tempDb('raadsbudget-e2e-flow-');
let driver;

before(async () => {
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

/** Navigates with the main menu and waits for the screen's h1. */
async function go(app, nav, heading) {
  await (await app.byTestId(`nav-${nav}`)).click();
  await app.waitForText('h1', heading);
}

async function check(app, screen, shot) {
  await assertA11y(app, screen);
  await app.screenshot(shot);
}

/**
 * Types into a value field as a person would (the old text removed with Backspace, so the
 * field never blurs empty), presses Enter, and waits until the app shows `expected` — the
 * value as Rust formatted it after saving.
 */
async function typeValue(app, id, typed, expected, { enter = true } = {}) {
  const field = await app.waitFind(`#veld-${id}`, { visible: true });
  const old = await field.value();
  await field.type(Key.BACKSPACE.repeat(old.length) + typed + (enter ? Key.ENTER : ''));
  if (enter) {
    await app.waitFor(async () => (await field.value()) === expected && (await field.attr('aria-invalid')) !== 'true', {
      message: `#veld-${id} to show ${expected} (last: ${await field.value()})`,
    });
  }
  return field;
}

/** Chooses an option of a <select> by clicking it, and waits until the select holds it. */
async function choose(app, selectId, value) {
  const select = await app.waitFind(`#${selectId}`, { visible: true });
  await select.click();
  await (await app.find(`#${selectId} option[value="${value}"]`)).click();
  await app.waitFor(async () => (await select.value()) === value, { message: `#${selectId} = ${value}` });
}

/**
 * The reservation post of uitvraag `u`: renamed in definities 2027.1 (uitvraag 2027 on), so
 * the flow runs under whichever version the current uitvraag uses.
 */
const reservering = (u) => (u >= 2027 ? 'ENQ.STELPOST' : 'ENQ.RESERVERING');

/** The uitvraag in the app's form: every field, as typed by the griffier. */
function plan(u) {
  const b = (post) => key(u, 'begroting', post);
  const r = (post) => key(u - 1, 'realisatie', post);
  const k = (jaar, post) => key(jaar, 'kenmerk', post);
  const euro = (post, typed, expected) => [
    [b(post), typed, expected],
    [r(post), typed, expected],
  ];
  return [
    [k(u - 1, 'KEN.INWONERS'), '49.500', '49.500'],
    [k(u, 'KEN.INWONERS'), '49800', '49.800'],
    [k(u - 1, 'KEN.ZETELS'), '29', '29'],
    [k(u, 'KEN.ZETELS'), '29', '29'],
    [k(u - 1, 'KEN.FRACTIES'), '9', '9'],
    [k(u, 'KEN.FRACTIES'), '9', '9'],
    [k(u, 'KEN.TOTALE_LASTEN'), '150.000.000', '150.000.000,00'],
    // The Dutch-formatted amount.
    [b('GRF.PERSONEEL'), '812.345,00', '812.345,00'],
    [r('GRF.PERSONEEL'), '798000', '798.000,00'],
    ...euro('GRF.INHUUR', '10000', '10.000,00'),
    ...euro('GRF.MATERIEEL', '45000', '45.000,00'),
    ...euro('GRF.OVERHEAD', '30000', '30.000,00'),
    ...euro('GRF.FTE', '7,5', '7,50'),
    ...euro('RKK.LEDEN', '15000', '15.000,00'),
    ...euro('RKK.PERSONEEL', '45000', '45.000,00'),
    ...euro('RKK.ONDERZOEK', '20000', '20.000,00'),
    ...euro('RKK.MATERIEEL', '5000', '5.000,00'),
    ...euro('RKK.BIJDRAGE_GR', '0', '0,00'),
    ...euro('RKK.OVERHEAD', '3000', '3.000,00'),
    ...euro('RKK.FTE', '0,5', '0,50'),
    ...euro('FRO.BIJDRAGEN', '90000', '90.000,00'),
    ...euro('FRO.ASSISTENTIE', '20000', '20.000,00'),
    ...euro('FRO.OVERIG', '5000', '5.000,00'),
    [b('FRO.NORM_FRACTIE'), '5000', '5.000,00'],
    [b('FRO.NORM_ZETEL'), '2000', '2.000,00'],
    // 2027.1 splits two posts (the new parts 0, so the kernbudgets stay as typed) and
    // retires ENQ.AANTAL.
    ...(u >= 2027 ? [...euro('GRF.INFORMATIEVOORZIENING', '0', '0,00'), ...euro('RKK.INZET_GRIFFIE', '0', '0,00')] : []),
    ...euro(reservering(u), '25000', '25.000,00'),
    ...euro('ENQ.INTERN', '0', '0,00'),
    ...(u >= 2027 ? [] : euro('ENQ.AANTAL', '0', '0')),
  ];
}

test('a griffier records, checks, undoes, exports and finds it all back after a restart', async () => {
  let app = await driver.newSession();
  const info = await app.invoke('app_info');
  assert.ok(info.ok, JSON.stringify(info.error));
  const u = info.value.huidige_uitvraag;

  // --- First start -----------------------------------------------------------------------
  await app.waitForText('h1', 'Welkom');
  await check(app, 'welkom', '10-welkom');
  await (await app.waitFind('#soort-gemeente')).click();
  const code = await app.waitFind('#org-code');
  await code.fill('GM36');
  await (await app.waitFind('#org-naam')).fill('Amsterdam');
  await (await app.byTestId('knop-organisatie-toevoegen')).click();
  await app.waitForText('#org-code-fout', 'geen geldige organisatiecode');
  assert.equal(await code.attr('aria-invalid'), 'true');
  await code.fill(ORG);
  await (await app.byTestId('knop-organisatie-toevoegen')).click();
  await app.waitForText('h1', 'Overzicht');
  await check(app, 'overzicht (leeg)', '11-overzicht-leeg');

  // --- Invoer: a full uitvraag ----------------------------------------------------------
  await go(app, 'invoer', `Invoer ${u}`);
  await check(app, 'invoer (leeg)', '12-invoer-leeg');
  for (const [id, typed, expected] of plan(u)) {
    await typeValue(app, id, typed, expected);
  }
  for (const jaar of [u - 1, u]) {
    await choose(app, `veld-${key(jaar, 'kenmerk', 'KEN.REKENKAMERVORM')}`, 'eigen');
  }
  // An onbekend, and an nvt with its reason written out.
  await choose(app, `reden-${key(u - 1, 'kenmerk', 'KEN.TOTALE_LASTEN')}`, 'onbekend');
  for (const id of [key(u, 'begroting', 'ENQ.EXTERN'), key(u - 1, 'realisatie', 'ENQ.EXTERN')]) {
    await choose(app, `reden-${id}`, 'nvt');
  }
  const reason = await app.waitFind(`#toelichting-${key(u, 'begroting', 'ENQ.EXTERN')}`);
  await reason.type('Geen enquête gepland; er is een reservering.');
  await (await app.waitFind(`#veld-${key(u, 'begroting', reservering(u))}`)).click(); // blur saves it
  await app.waitFor(async () => {
    const form = await app.invoke('formulier', { organisatie: ORG, uitvraag: u });
    const enq = form.value.secties.find((s) => s.code === 'ENQ').posten.find((p) => p.code === 'ENQ.EXTERN');
    return enq.cellen.find((c) => c.jaar === u).toelichting === 'Geen enquête gepland; er is een reservering.';
  }, { message: 'the toelichting of ENQ.EXTERN to be saved' });

  // Kernbudget and per inwoner follow the typing, before anything is saved.
  const grf = `[data-testid="kengetallen-GRF-${u}-begroting"]`;
  await app.waitForText(`${grf} dd[data-kengetal="kernbudget"]`, '867.345,00');
  await typeValue(app, key(u, 'begroting', 'GRF.MATERIEEL'), '55000', null, { enter: false });
  await app.waitForText(`${grf} dd[data-kengetal="kernbudget"]`, '877.345,00');
  assert.equal(await (await app.find(grf)).attr('data-voorbeeld'), 'ja');
  // 877.345 / 49.800 = 17,617…
  await app.waitForText(`${grf} dd[data-kengetal="per_inwoner"]`, '17,62');
  await typeValue(app, key(u, 'begroting', 'GRF.MATERIEEL'), '45000', '45.000,00');
  await app.waitForText(`${grf} dd[data-kengetal="kernbudget"]`, '867.345,00');
  await check(app, 'invoer (gevuld)', '13-invoer-gevuld');

  // A warning appears (seats do not match Gemeentewet art. 8) and disappears again.
  const zetels = key(u, 'kenmerk', 'KEN.ZETELS');
  await typeValue(app, zetels, '31', '31');
  await app.waitFind(`[data-testid="cel-${zetels}"] [data-testid="melding-W003"]`, { visible: true });
  await app.screenshot('14-invoer-waarschuwing');
  await typeValue(app, zetels, '29', '29');
  await app.waitFor(async () => (await app.findAll(`[data-testid="cel-${zetels}"] [data-testid="melding-W003"]`)).length === 0, {
    message: 'W003 to disappear',
  });

  // --- Controle: nothing wrong -----------------------------------------------------------
  await go(app, 'controle', `Controle ${u}`);
  await app.waitForText('[data-testid="aantal-fouten"]', '0');
  await check(app, 'controle', '15-controle');

  // --- Undo ------------------------------------------------------------------------------
  await go(app, 'invoer', `Invoer ${u}`);
  const inhuur = key(u, 'begroting', 'GRF.INHUUR');
  await typeValue(app, inhuur, '20000', '20.000,00');
  await go(app, 'geschiedenis', 'Geschiedenis');
  await app.waitForText('[data-testid="tabel-geschiedenis"]', '20.000,00');
  await check(app, 'geschiedenis', '16-geschiedenis');
  await (await app.byTestId('knop-ongedaan-maken')).click();
  await app.waitForText('[data-testid="ongedaan-resultaat"]', 'Ongedaan gemaakt');
  await go(app, 'invoer', `Invoer ${u}`);
  const inhuurField = await app.waitFind(`#veld-${inhuur}`, { visible: true });
  await app.waitFor(async () => (await inhuurField.value()) === '10.000,00', { message: 'the undo to restore 10.000,00' });

  // --- Export: the same bytes as the CLI -------------------------------------------------
  // A copy of the data as they are now, for the CLI (written while the app runs: WAL).
  const copy = path.join(tmp.dir, 'kopie.sqlite');
  cli(['--db', tmp.db, 'backup', 'maken', '--naar', copy]);
  await go(app, 'exporteren', `Exporteren ${u}`);
  await app.waitForText('[data-testid="export-bestandsnaam"]', `raadsondersteuning_${u}_${ORG}_r1.csv`);
  await check(app, 'exporteren', '17-exporteren');
  const outDir = path.join(tmp.dir, 'uit-app');
  const folder = await app.waitFind('#export-map');
  await folder.fill(outDir);
  const button = await app.byTestId('knop-exporteren');
  await app.waitFor(() => button.enabled(), { message: 'the export button to be enabled' });
  await button.click();
  const written = await app.waitForText('[data-testid="export-pad"]', outDir);
  const appFile = (await written.text()).trim();
  assert.equal(appFile, path.join(outDir, `raadsondersteuning_${u}_${ORG}_r1.csv`));
  await app.waitForText('[data-testid="export-revisie"]', '1');
  await app.screenshot('18-geexporteerd');

  const appBytes = fs.readFileSync(appFile);
  const moment = appBytes.toString('utf8').split('\r\n')[1].split(',')[13];
  assert.match(moment, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const cliDir = path.join(tmp.dir, 'uit-cli');
  cli(['--db', copy, 'export', '--organisatie', ORG, '--uitvraag', String(u), '--uit', cliDir, '--tijdstip', moment]);
  const cliBytes = fs.readFileSync(path.join(cliDir, `raadsondersteuning_${u}_${ORG}_r1.csv`));
  assert.ok(appBytes.equals(cliBytes), `the app's file differs from the CLI's:\n${appBytes}\n---\n${cliBytes}`);
  const text = appBytes.toString('utf8');
  assert.ok(text.includes(`,${u},begroting,GRF.PERSONEEL,812345.00,,,`), text);
  assert.ok(text.includes(`,${u - 1},kenmerk,KEN.TOTALE_LASTEN,,onbekend,,`), text);
  assert.ok(text.includes(`,${u},begroting,ENQ.EXTERN,,nvt,Geen enquête gepland; er is een reservering.,`), text);

  await go(app, 'backup', 'Back-up');
  await check(app, 'back-up', '19-backup');
  await app.close();

  // --- Restart: everything is still there ------------------------------------------------
  app = await driver.newSession();
  await app.waitForText('h1', 'Overzicht');
  await app.waitFind(`[data-testid="status-${u}"][data-status="ingediend"]`);
  await check(app, 'overzicht (ingediend)', '20-herstart-overzicht');
  await go(app, 'invoer', `Invoer ${u}`);
  const personeel = await app.waitFind(`#veld-${key(u, 'begroting', 'GRF.PERSONEEL')}`, { visible: true });
  assert.equal(await personeel.value(), '812.345,00');
  assert.equal(await (await app.find(`#reden-${key(u, 'begroting', 'ENQ.EXTERN')}`)).value(), 'nvt');
  assert.equal(await (await app.find(`#reden-${key(u - 1, 'kenmerk', 'KEN.TOTALE_LASTEN')}`)).value(), 'onbekend');
  assert.equal(
    await (await app.find(`#toelichting-${key(u, 'begroting', 'ENQ.EXTERN')}`)).value(),
    'Geen enquête gepland; er is een reservering.',
  );
  await app.screenshot('21-herstart-invoer');
  await app.close();
});
