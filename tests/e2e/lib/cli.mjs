// Running programs from the end-to-end tests: the `raadsbudget` command-line tool of the same
// build (never with the RAADSBUDGET_DB of the environment), and helpers such as
// tests/tools/calc.py (LibreOffice Calc through UNO).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './webdriver.mjs';

/** The command-line tool of this build. */
export const CLI = path.join(path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target'), 'debug', 'raadsbudget');

/** Runs `cmd args` without RAADSBUDGET_DB; returns the result whatever the exit code. */
export function runUnchecked(cmd, args) {
  const env = { ...process.env };
  delete env.RAADSBUDGET_DB;
  return spawnSync(cmd, args, { encoding: 'utf8', env });
}

/** Runs `cmd args` without RAADSBUDGET_DB; fails the test on a non-zero exit. */
export function run(cmd, args) {
  const r = runUnchecked(cmd, args);
  assert.equal(r.status, 0, `${path.basename(cmd)} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Runs the CLI; fails the test on a non-zero exit. */
export const cli = (args) => run(CLI, args);

/** Runs the CLI; returns the result whatever the exit code. */
export const cliUnchecked = (args) => runUnchecked(CLI, args);
