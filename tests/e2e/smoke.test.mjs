// Smoke test of the real desktop app: it starts on an empty database, shows its first screen
// (accessibly), talks to the store over IPC, and comes up again after a restart.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { x11WindowNames } from './lib/app.mjs';
import { startDriver, tempDb } from './lib/webdriver.mjs';

const tmp = tempDb();
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

/** Checks what every start must show; returns the h1 text. */
async function checkStarted(app) {
  // The UI may name the screen ("Invoer — Raadsbudget"); the app's name is always last.
  const title = await app.waitFor(async () => {
    const t = await app.title();
    return /Raadsbudget$/.test(t) ? t : null;
  }, { message: 'document.title ending in "Raadsbudget"' });
  assert.match(title, /Raadsbudget$/);
  const h1 = await app.waitFind('h1', { visible: true });
  const heading = (await h1.text()).trim();
  assert.ok(heading.length > 0, 'the visible h1 has text');

  const names = x11WindowNames();
  if (names) assert.ok(names.includes('Raadsbudget'), `an X11 window titled "Raadsbudget" among ${JSON.stringify(names)}`);
  return heading;
}

test('first start on an empty database, then a restart', async () => {
  let app = await driver.newSession();
  await checkStarted(app);

  // The store is the one of RAADSBUDGET_DB, opened once, and empty.
  const info = await app.invoke('app_info');
  assert.ok(info.ok, `app_info: ${JSON.stringify(info.error)}`);
  assert.equal(info.value.database, tmp.db);
  assert.deepEqual(await app.invoke('organisaties'), { ok: true, value: [] });

  // IPC under the app's CSP: no violation is reported while commands run.
  const violations = await app.executeAsync(
    `const done = arguments[0];
     const seen = [];
     document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective + ' ' + e.blockedURI));
     window.__TAURI_INTERNALS__.invoke('app_info').then(() => setTimeout(() => done(seen), 200), (e) => done(['invoke failed: ' + JSON.stringify(e)]));`,
  );
  assert.deepEqual(violations, []);

  // The CSP is in force: no eval, no inline script; inline styles stay allowed (Tauri would
  // silently disable 'unsafe-inline' by adding a nonce if index.html got an inline <style>).
  const csp = await app.executeAsync(
    `const done = arguments[0];
     let evalResult;
     try { evalResult = eval('"eval ran"'); } catch (e) { evalResult = e.name; }
     const s = document.createElement('script');
     s.textContent = 'window.__inlineRan = true;';
     document.head.appendChild(s);
     const div = document.createElement('div');
     div.setAttribute('style', 'color: rgb(1, 2, 3)');
     document.body.appendChild(div);
     setTimeout(() => {
       const inlineStyle = getComputedStyle(div).color === 'rgb(1, 2, 3)';
       div.remove();
       done({ evalResult, inlineRan: window.__inlineRan === true, inlineStyle });
     }, 100);`,
  );
  assert.deepEqual(csp, { evalResult: 'EvalError', inlineRan: false, inlineStyle: true });

  // Errors reach the UI as ErrorView { kind, message, meldingen }.
  const refused = await app.invoke('organisatie_toevoegen', { code: 'XX1', naam: 'Nergens' });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.kind, 'invoer');
  assert.equal(typeof refused.error.message, 'string');
  assert.ok(Array.isArray(refused.error.meldingen));

  await assertA11y(app, 'start');
  await app.screenshot('00-start');

  // Something to find again after the restart.
  const added = await app.invoke('organisatie_toevoegen', { code: 'GM0363', naam: 'Amsterdam' });
  assert.ok(added.ok, `organisatie_toevoegen: ${JSON.stringify(added.error)}`);
  await app.close();

  // Restart: a new session starts the app again on the same database.
  app = await driver.newSession();
  await checkStarted(app);
  const again = await app.invoke('organisaties');
  assert.ok(again.ok, JSON.stringify(again.error));
  assert.deepEqual(again.value.map((o) => o.code), ['GM0363']);
  await app.screenshot('01-herstart');
  await app.close();
});

test('a database that cannot be opened is shown, not a crash', async () => {
  // A path below a regular file: the folder cannot be created.
  const blocked = tempDb('raadsbudget-e2e-blocked-');
  const file = `${blocked.dir}/geen-map`;
  fs.writeFileSync(file, 'dit is geen map');
  const broken = await startDriver({ db: `${file}/raadsbudget.sqlite` });
  try {
    const app = await broken.newSession();
    const info = await app.invoke('app_info');
    assert.equal(info.ok, false);
    assert.equal(info.error.kind, 'opslag');
    assert.match(info.error.message, /geen-map/);
    await app.waitFind('h1', { visible: true });
    await app.screenshot('02-database-onbereikbaar');
    await app.close();
  } finally {
    await broken.stop();
    blocked.cleanup();
  }
});
