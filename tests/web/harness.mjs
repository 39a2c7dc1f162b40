// SPDX-License-Identifier: MIT
// Shared by the browser tests: run the `stride` binary, serve a database with `stride serve --port 0`
// (resolving once it prints "Dashboard: URL"), stop it with Ctrl-C, and launch Debian's Chromium headless
// through playwright-core (browsers are never downloaded).
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

/// Runs `stride ARGS...` and returns its stdout; throws (with stderr) when it fails.
export function runStride(stride, ...args) {
  return execFileSync(stride, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

/// Starts `stride serve` on `db` with `date` as today; resolves with { child, url }.
export function serve(stride, db, date) {
  const child = spawn(stride, ['serve', '--db', db, '--port', '0', '--date', date], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      const match = /Dashboard: (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', code => reject(new Error('stride serve exited early with ' + code)));
  });
}

/// Sends Ctrl-C and resolves with the exit code (or the signal's name if it was killed).
export function interrupt(child) {
  const done = new Promise(resolve => child.on('exit', (code, signal) => resolve(signal || code)));
  child.kill('SIGINT');
  return done;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.STRIDE_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// The date `days` after `date` (YYYY-MM-DD).
export function addDays(date, days) {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}
