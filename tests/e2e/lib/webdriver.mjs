// A small W3C WebDriver client for the Raadsbudget desktop app, speaking JSON over `fetch` to
// tauri-driver (which drives WebKitWebDriver, which starts the app). No dependencies.
//
//   const driver = await startDriver({ db });          // tauri-driver with RAADSBUDGET_DB=db
//   const app = await driver.newSession();             // starts target/debug/raadsbudget-desktop
//   await app.byTestId('code').type('GM0363', Key.TAB);
//   await app.waitForText('h1', 'Amsterdam');
//   await app.close();                                 // closes the app (DELETE /session)
//   await driver.stop();                               // SIGTERM (never SIGKILL: see stop())
//
// Every wait has a timeout, so a test fails with a message instead of hanging.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = path.resolve(HERE, '..', '..', '..');
/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = path.join(ROOT, 'e2e-screenshots');
/** The app under test: `$RAADSBUDGET_APP`, else the debug build in cargo's target folder. */
export const APP_PATH = process.env.RAADSBUDGET_APP
  ? path.resolve(process.env.RAADSBUDGET_APP)
  : path.join(path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target'), 'debug', 'raadsbudget-desktop');

/** W3C key codes for `type()` and `keys()`. */
export const Key = Object.freeze({
  BACKSPACE: '\uE003',
  TAB: '\uE004',
  ENTER: '\uE007',
  SHIFT: '\uE008',
  CONTROL: '\uE009',
  ALT: '\uE00A',
  ESCAPE: '\uE00C',
  SPACE: '\uE00D',
  PAGE_UP: '\uE00E',
  PAGE_DOWN: '\uE00F',
  END: '\uE010',
  HOME: '\uE011',
  LEFT: '\uE012',
  UP: '\uE013',
  RIGHT: '\uE014',
  DOWN: '\uE015',
  DELETE: '\uE017',
});

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
/** Default timeout of waits (ms). */
export const DEFAULT_TIMEOUT = 10_000;
/** Timeout of a single WebDriver request (ms). */
const REQUEST_TIMEOUT = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A sleep for `Promise.race`: its timer does not keep the test process alive afterwards. */
const deadline = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** A free TCP port on 127.0.0.1 (so runs never collide with a stale driver on 4444/4445). */
async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Finds the tauri-driver binary: on PATH, else in ~/.cargo/bin. */
function tauriDriverBinary() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'tauri-driver');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const cargo = path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver');
  if (fs.existsSync(cargo)) return cargo;
  throw new Error('tauri-driver not found: run `cargo install tauri-driver --locked` (scripts/test does)');
}

/** A WebDriver error with the server's error code and message. */
export class WebDriverError extends Error {
  constructor(method, url, status, value) {
    super(`${method} ${url} → ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`);
    this.name = 'WebDriverError';
    this.status = status;
    this.error = value?.error;
  }
}

async function request(base, method, url, body) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT);
  let res;
  try {
    res = await fetch(base + url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (e) {
    throw new Error(`${method} ${url}: ${e.name === 'AbortError' ? `no answer within ${REQUEST_TIMEOUT} ms` : e.message}`);
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new Error(`${method} ${url} → ${res.status}: not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new WebDriverError(method, url, res.status, json.value);
  return json.value;
}

/**
 * Starts tauri-driver on free ports with `RAADSBUDGET_DB=db` (the app inherits the environment),
 * and waits until it answers. `env` adds more variables.
 */
export async function startDriver({ db, env = {}, timeout = 20_000 } = {}) {
  if (!fs.existsSync(APP_PATH)) {
    throw new Error(`${APP_PATH} does not exist: run \`cargo build -p raadsbudget-desktop\` first`);
  }
  const port = await freePort();
  const nativePort = await freePort();
  // Output goes to a file, not a pipe: WebKit's helper processes inherit these descriptors and
  // can outlive the app by many seconds, and an open pipe would keep this process waiting.
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadsbudget-tauri-driver-'));
  const logFile = path.join(logDir, 'tauri-driver.log');
  const logFd = fs.openSync(logFile, 'w');
  let child;
  try {
    child = spawn(tauriDriverBinary(), ['--port', String(port), '--native-port', String(nativePort)], {
      env: { ...process.env, ...(db ? { RAADSBUDGET_DB: db } : {}), ...env },
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    fs.closeSync(logFd);
  }
  const log = () => {
    try {
      return fs.readFileSync(logFile, 'utf8').slice(-20_000);
    } catch {
      return '';
    }
  };
  const exited = once(child, 'exit');
  const driver = new Driver(child, `http://127.0.0.1:${port}`, log, exited, logDir);
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`tauri-driver exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    try {
      await request(driver.base, 'GET', '/status');
      return driver;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await driver.stop();
      throw new Error(`tauri-driver did not answer on port ${port} within ${timeout} ms:\n${log()}`);
    }
    await sleep(100);
  }
}

/** A running tauri-driver. */
export class Driver {
  constructor(child, base, log, exited, logDir) {
    this.child = child;
    this.base = base;
    /** The output of tauri-driver, WebKitWebDriver and the app so far (the last 20 kB). */
    this.log = log;
    this.exited = exited;
    this.logDir = logDir;
    this.sessions = new Set();
  }

  /** Starts the app and opens a WebDriver session on it; waits until the document is loaded. */
  async newSession({ app = APP_PATH, args = [], timeout = 30_000 } = {}) {
    const value = await request(this.base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application: app, args } } },
    });
    const session = new Session(this, value.sessionId);
    this.sessions.add(session);
    await session.setTimeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
    await session.waitFor(
      () => session.execute('return document.readyState === "complete" && !!document.body'),
      { timeout, message: 'the document did not finish loading' },
    );
    return session;
  }

  /**
   * Closes open sessions and stops tauri-driver with SIGTERM: it then stops WebKitWebDriver too.
   * (After SIGKILL a stale WebKitWebDriver would keep its port.) Waits at most 10 s.
   */
  async stop() {
    for (const session of [...this.sessions]) {
      await session.close().catch(() => {});
    }
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = deadline(10_000).then(() => 'timeout');
      if ((await Promise.race([this.exited, timer])) === 'timeout') {
        throw new Error(`tauri-driver did not stop within 10 s after SIGTERM:\n${this.log()}`);
      }
    }
    fs.rmSync(this.logDir, { recursive: true, force: true });
  }
}

/** A WebDriver session: one running app. */
export class Session {
  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
    this.closed = false;
  }

  /** A raw WebDriver command on this session, e.g. `cmd('GET', '/title')`. */
  cmd(method, url, body) {
    return request(this.driver.base, method, `/session/${this.id}${url}`, body);
  }

  setTimeouts(t) {
    return this.cmd('POST', '/timeouts', t);
  }

  /** `document.title`. */
  title() {
    return this.cmd('GET', '/title');
  }

  /** The first element matching `css`; fails when there is none. */
  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, value[ELEMENT_KEY], css);
  }

  /** All elements matching `css` (maybe none). */
  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((v, i) => new Element(this, v[ELEMENT_KEY], `${css}[${i}]`));
  }

  /** The first element matching `css`, waiting until it exists. */
  async waitFind(css, { timeout = DEFAULT_TIMEOUT, visible = false } = {}) {
    return this.waitFor(
      async () => {
        const [el] = await this.findAll(css);
        if (!el) return null;
        if (visible && !(await el.displayed())) return null;
        return el;
      },
      { timeout, message: `no ${visible ? 'visible ' : ''}element ${css}` },
    );
  }

  /** The element with `data-testid="id"`, waiting until it exists. */
  byTestId(id, options) {
    return this.waitFind(`[data-testid="${cssEscape(id)}"]`, options);
  }

  /** The element that has focus. */
  async active() {
    const value = await this.cmd('GET', '/element/active');
    return new Element(this, value[ELEMENT_KEY], ':focus');
  }

  /**
   * Polls `fn` until it returns a truthy value (which is returned); a thrown WebDriver error
   * counts as "not yet". Fails after `timeout` ms with `message` and the last error.
   */
  async waitFor(fn, { timeout = DEFAULT_TIMEOUT, interval = 100, message = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await fn();
        if (value) return value;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout} ms waiting for ${message}${last ? `: ${last.message}` : ''}`);
      }
      await sleep(interval);
    }
  }

  /** Waits until the first element matching `css` contains `text` (a string or RegExp). */
  async waitForText(css, text, { timeout = DEFAULT_TIMEOUT } = {}) {
    let seen = '';
    try {
      return await this.waitFor(
        async () => {
          for (const el of await this.findAll(css)) {
            seen = await el.text();
            if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return el;
          }
          return null;
        },
        { timeout, message: `${css} to contain ${JSON.stringify(String(text))}` },
      );
    } catch (e) {
      e.message += ` (last text: ${JSON.stringify(seen)})`;
      throw e;
    }
  }

  /** Runs `script` (a function body; `arguments[i]` are `args`) and returns its result. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args: args.map(toWire) }).then(fromWire(this));
  }

  /** Runs `script`, whose last argument is a callback to call with the result. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args: args.map(toWire) }).then(fromWire(this));
  }

  /**
   * Calls a Tauri command the way the UI does, and returns `{ ok, value }` or `{ ok: false,
   * error }` (an ErrorView). For checks below the UI; flows should go through the UI.
   */
  invoke(command, args = {}) {
    return this.executeAsync(
      `const [command, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(command, args)
         .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
      [command, args],
    );
  }

  /** Sends keys to the focused element (e.g. `keys(Key.TAB)`). */
  async keys(...texts) {
    const text = texts.join('');
    const actions = [];
    for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Saves a PNG of the window to `e2e-screenshots/<name>.png`; returns the path. */
  async screenshot(name) {
    const base64 = await this.cmd('GET', '/screenshot');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return file;
  }

  /** Closes the session, which closes the app. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.driver.sessions.delete(this);
    await this.cmd('DELETE', '');
  }

  /** Alias of close(). */
  deleteSession() {
    return this.close();
  }
}

/** An element of the page. */
export class Element {
  constructor(session, id, description) {
    this.session = session;
    this.id = id;
    this.description = description;
  }

  cmd(method, url, body) {
    return this.session.cmd(method, `/element/${this.id}${url}`, body);
  }

  click() {
    return this.cmd('POST', '/click', {});
  }

  /** Types `texts` into the element (joined; use `Key.ENTER`, `Key.TAB`, …). */
  type(...texts) {
    const text = texts.join('');
    return this.cmd('POST', '/value', { text });
  }

  /** Empties an input. */
  clear() {
    return this.cmd('POST', '/clear', {});
  }

  /** Clears, then types. */
  async fill(...texts) {
    await this.clear();
    await this.type(...texts);
  }

  /** The rendered text. */
  text() {
    return this.cmd('GET', '/text');
  }

  /** An attribute, or null. */
  attr(name) {
    return this.cmd('GET', `/attribute/${encodeURIComponent(name)}`);
  }

  /** A DOM property (e.g. `value`, `checked`). */
  prop(name) {
    return this.cmd('GET', `/property/${encodeURIComponent(name)}`);
  }

  /** The input's current value. */
  value() {
    return this.prop('value');
  }

  displayed() {
    return this.cmd('GET', '/displayed');
  }

  enabled() {
    return this.cmd('GET', '/enabled');
  }

  /** The first descendant matching `css`. */
  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this.session, value[ELEMENT_KEY], `${this.description} ${css}`);
  }

  /** All descendants matching `css`. */
  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((v, i) => new Element(this.session, v[ELEMENT_KEY], `${this.description} ${css}[${i}]`));
  }
}

function toWire(arg) {
  return arg instanceof Element ? { [ELEMENT_KEY]: arg.id } : arg;
}

function fromWire(session) {
  const convert = (v) => {
    if (Array.isArray(v)) return v.map(convert);
    if (v && typeof v === 'object') {
      if (ELEMENT_KEY in v) return new Element(session, v[ELEMENT_KEY], 'script result');
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    }
    return v;
  };
  return convert;
}

function cssEscape(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}

/** A fresh temporary folder with a database path in it; removed by `cleanup()`. */
export function tempDb(prefix = 'raadsbudget-e2e-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    db: path.join(dir, 'raadsbudget.sqlite'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
