// A second start of the app hands over to the first one (which focuses its window) and exits,
// so the same database is never opened twice. The single-instance plugin finds the first
// instance over the D-Bus session bus; this test starts a private bus for the two apps.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { APP_PATH, tempDb } from './lib/webdriver.mjs';

const BUS_NAME = 'nl.raadsbudget.desktop.SingleInstance';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A sleep for `Promise.race`: its timer does not keep the test process alive afterwards. */
const deadline = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function has(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What this test needs; scripts/test provides all of it (xvfb-run, package dbus). */
const missing = [
  ...(process.env.DISPLAY ? [] : ['an X display (run under xvfb-run)']),
  ...['dbus-daemon', 'dbus-send'].filter((c) => !has(c)),
];

/** Waits for a child to exit; returns its exit code, or null after `ms`. */
async function exitWithin(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const result = await Promise.race([once(child, 'exit').then(([code]) => ({ code })), deadline(ms).then(() => null)]);
  return result ? result.code : null;
}

/** Stops a child this test started: SIGTERM, then SIGKILL after 5 s. */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if ((await exitWithin(child, 5_000)) === null && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exitWithin(child, 5_000);
  }
}

test('a second start hands over to the first and exits', { timeout: 90_000 }, async () => {
  assert.deepEqual(missing, [], 'this test needs what scripts/test installs');
  assert.ok(fs.existsSync(APP_PATH), `${APP_PATH} does not exist: run \`cargo build -p raadsbudget-desktop\` first`);
  const tmp = tempDb();
  const processes = [];
  // Output goes to a file, not a pipe: WebKit's helper processes inherit the descriptors and may
  // outlive the app for seconds, and an open pipe would keep the test runner waiting.
  const logFile = path.join(tmp.dir, 'output.log');
  const output = { join: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '') };
  const start = (command, args, env) => {
    const fd = fs.openSync(logFile, 'a');
    try {
      const child = spawn(command, args, { env, stdio: ['ignore', fd, fd] });
      processes.push(child);
      return child;
    } finally {
      fs.closeSync(fd);
    }
  };
  try {
    // A private session bus, listening on a socket in the temp folder.
    const socket = path.join(tmp.dir, 'bus');
    const address = `unix:path=${socket}`;
    start('dbus-daemon', ['--session', '--nofork', `--address=${address}`], process.env);
    const busDeadline = Date.now() + 10_000;
    while (!fs.existsSync(socket)) {
      assert.ok(Date.now() < busDeadline, `dbus-daemon did not start:\n${output.join()}`);
      await sleep(50);
    }
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, RAADSBUDGET_DB: tmp.db };
    const nameOwned = () => {
      try {
        const out = execFileSync(
          'dbus-send',
          ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus',
            'org.freedesktop.DBus.NameHasOwner', `string:${BUS_NAME}`],
          { env, encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'ignore'] },
        );
        return /boolean true/.test(out);
      } catch {
        return false; // the bus is not accepting connections yet
      }
    };

    const first = start(APP_PATH, [], env);
    const deadline = Date.now() + 30_000;
    while (!nameOwned()) {
      assert.equal(first.exitCode, null, `the first app exited early:\n${output.join()}`);
      assert.ok(Date.now() < deadline, `the first app did not claim ${BUS_NAME} within 30 s:\n${output.join()}`);
      await sleep(200);
    }

    const second = start(APP_PATH, [], env);
    const code = await exitWithin(second, 20_000);
    assert.equal(code, 0, `the second start should exit 0 after handing over:\n${output.join()}`);
    assert.equal(first.exitCode, null, 'the first app is still running');
    assert.ok(nameOwned(), 'the first app still holds the name');
  } finally {
    for (const child of processes.reverse()) await stop(child);
    tmp.cleanup();
  }
});
