// Helpers around the app under test that are not WebDriver: X11 window titles, temp databases.

import { execFileSync } from 'node:child_process';

/**
 * Names of the top-level X11 windows (via `xwininfo -root -tree`, package x11-utils), or null
 * when there is no X display or no xwininfo. The window title is what Tauri sets; WebDriver's
 * `/title` only gives `document.title`.
 */
export function x11WindowNames() {
  if (!process.env.DISPLAY) return null;
  let out;
  try {
    out = execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8', timeout: 5_000 });
  } catch {
    return null;
  }
  const names = [];
  for (const line of out.split('\n')) {
    const m = /^\s*0x[0-9a-f]+ "(.*)": \(/.exec(line);
    if (m) names.push(m[1]);
  }
  return names;
}
