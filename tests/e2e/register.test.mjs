// The built-in CBS register in the real app: a griffier on a fresh database types part of the
// name of their gemeente, picks it from the matches and lands in its overview, with the name
// as CBS writes it; the organisation is then in the store. A waterschap is not in the list.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertA11y } from './lib/axe.mjs';
import { Key, startDriver, tempDb } from './lib/webdriver.mjs';

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

test('the start screen finds Amsterdam by typing and opens GM0363', async () => {
  const app = await driver.newSession();
  try {
    const zoek = await app.waitFind('#org-zoeken', { visible: true });
    await zoek.fill('Amster');
    const treffer = await app.waitFind('[data-testid="treffer-GM0363"]', { visible: true });
    assert.equal((await treffer.text()).trim(), 'Amsterdam (GM0363, Noord-Holland)');
    await app.waitForText('[data-testid="zoek-aantal"]', 'gevonden');
    await assertA11y(app, 'Start met zoekresultaten uit het register');

    // Accents and punctuation do not matter; a waterschap is not found.
    await zoek.fill('fryslan');
    await app.waitFind('[data-testid="treffer-PV21"]', { visible: true });
    await zoek.fill('WS0155');
    await app.waitForText('[data-testid="zoek-aantal"]', "Geen gemeente of provincie gevonden voor 'WS0155'.");

    // Typing and Enter opens the best match.
    await zoek.fill('Amsterdam');
    await app.waitFor(async () => (await (await app.find('[data-testid="zoek-treffers"] button')).text()).startsWith('Amsterdam'), {
      message: 'Amsterdam is the first match',
    });
    await zoek.type(Key.ENTER);
    await app.waitForText('h1', 'Overzicht');
    await app.waitForText('[data-testid="organisatie-naam"]', 'Amsterdam');

    const orgs = await app.invoke('organisaties');
    assert.ok(orgs.ok, JSON.stringify(orgs.error));
    assert.deepEqual(
      orgs.value.map((o) => [o.code, o.naam, o.soort]),
      [['GM0363', 'Amsterdam', 'gemeente']],
    );
    // Choosing it again opens the stored one, it is not added twice.
    const again = await app.invoke('organisatie_uit_register', { code: 'GM0363' });
    assert.ok(again.ok, JSON.stringify(again.error));
    assert.equal((await app.invoke('organisaties')).value.length, 1);
  } finally {
    await app.close();
  }
});
