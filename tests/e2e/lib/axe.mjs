// Accessibility checks with axe-core, injected into the running app over WebDriver.
//
//   await assertA11y(app, 'start');   // fails on any serious or critical violation
//
// The app's CSP forbids eval, inline and remote scripts; a WebDriver script itself is not subject
// to the page's CSP, so axe's source is sent as the script (never eval'd in the page).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Impacts that fail the check. */
export const FAILING = ['serious', 'critical'];

/** Runs axe on the current page; returns all violations (every impact). */
export async function checkA11y(session, screenName) {
  const loaded = await session.execute('return typeof window.axe === "object"');
  if (!loaded) {
    // axe's UMD wrapper sets window.axe.
    const type = await session.execute(`${AXE_SOURCE}\n;return typeof window.axe;`);
    if (type !== 'object') throw new Error(`axe-core did not load on ${screenName} (window.axe is ${type})`);
  }
  const result = await session.executeAsync(
    `const [tags, done] = arguments;
     window.axe
       .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
       .then((r) => done({ violations: r.violations.map((v) => ({
         id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
         targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
       })) }), (e) => done({ error: String(e && e.stack || e) }));`,
    [TAGS],
  );
  if (result.error) throw new Error(`axe failed on ${screenName}: ${result.error}`);
  return result.violations;
}

/** Human-readable list of violations. */
export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.targets.map((t) => `    ${t.target}\n      ${(t.summary ?? '').replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/** Fails on any serious or critical violation; prints milder ones. Returns all violations. */
export async function assertA11y(session, screenName) {
  const violations = await checkA11y(session, screenName);
  const failing = violations.filter((v) => FAILING.includes(v.impact));
  const mild = violations.filter((v) => !FAILING.includes(v.impact));
  if (mild.length) console.log(`axe (${screenName}), not failing:\n${formatViolations(mild)}`);
  assert.equal(
    failing.length,
    0,
    `accessibility violations on screen "${screenName}":\n${formatViolations(failing)}`,
  );
  return violations;
}
