// SPDX-License-Identifier: MIT
// Browser test of the dashboard: builds a demo database with the real `stride` binary, serves it with
// `stride serve --port 0`, and drives headless Chromium through playwright-core. Checks: the load chart
// and the activity list render, an upload through the page imports, the tabs work from the keyboard, an
// activity name holding HTML is shown as text, and the page fits a phone's width. Screenshots go to the
// artifacts folder. Usage: node tests/web/dashboard.mjs path/to/stride build/test-artifacts
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const [stride, artifacts = 'build/test-artifacts'] = process.argv.slice(2);
assert.ok(stride, 'usage: node tests/web/dashboard.mjs STRIDE_BINARY [ARTIFACT_DIR]');
const kToday = '2026-03-01';
const kEvilName = '<img src=x onerror="window.__pwned=1">';

function run(...args) { return execFileSync(stride, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString(); }

// Starts `stride serve` and resolves with the process and its URL once it prints "Dashboard: URL".
function serve(db) {
  const child = spawn(stride, ['serve', '--db', db, '--port', '0', '--date', kToday], { stdio: ['ignore', 'pipe', 'inherit'] });
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

function exitCode(child) { return new Promise(resolve => child.on('exit', (code, signal) => resolve(signal || code))); }

const xmlEscape = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A 30-minute run on a day outside the demo history, named `name`: 181 points every 10 s.
function gpxRun(name) {
  const start = Date.parse('2025-06-01T07:00:00Z');
  let points = '';
  for (let i = 0; i <= 180; i++) {
    const time = new Date(start + i * 10000).toISOString();
    const lat = (52.0 + i * 0.00025).toFixed(6);
    points += `<trkpt lat="${lat}" lon="4.300000"><ele>${(5 + Math.sin(i / 20) * 4).toFixed(1)}</ele>` +
              `<time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${140 + (i % 10)}</gpxtpx:hr>` +
              `</gpxtpx:TrackPointExtension></extensions></trkpt>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="stride-test" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
<trk><name>${xmlEscape(name)}</name><type>running</type><trkseg>
${points}</trkseg></trk></gpx>
`;
}

async function activityCount(page) {
  await page.click('#tab-activities');
  await page.waitForSelector('#activity-list .activity');
  return Number((await page.textContent('#activity-count')).split(' ')[0]);
}

async function checkLoadAndActivities(page) {
  await page.waitForSelector('#chart-weekly canvas');
  await page.waitForSelector('#chart-fitness canvas');
  await page.waitForSelector('#chart-acwr canvas');
  assert.equal(await page.locator('#load-cards .card').count(), 4);
  await page.screenshot({ path: join(artifacts, 'dashboard-load.png'), fullPage: true });
  const count = await activityCount(page);
  assert.ok(count >= 20, `expected the demo history, got ${count} activities`);
  await page.click('#activity-list .activity >> nth=0');
  await page.waitForSelector('#chart-pace canvas');
  await page.waitForSelector('#chart-hr canvas');
  await page.waitForSelector('#chart-elevation canvas');
  await page.screenshot({ path: join(artifacts, 'dashboard-activity.png'), fullPage: true });
  return count;
}

async function checkUpload(page, before) {
  await page.click('#tab-import');
  await page.setInputFiles('#file-input', { name: 'evil.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpxRun(kEvilName)) });
  await page.waitForSelector('#import-results li.ok');
  assert.match(await page.textContent('#import-results'), /evil\.gpx: 1 imported/);
  assert.equal(await page.getAttribute('#upload-progress', 'value'), '100');
  await page.screenshot({ path: join(artifacts, 'dashboard-import.png'), fullPage: true });
  // The list reloads after the import; wait for it (up to 10 s) rather than read a stale count.
  await page.click('#tab-activities');
  await page.waitForFunction(
    (expected) => Number((document.querySelector('#activity-count')?.textContent ?? '').split(' ')[0]) === expected,
    before + 1, { timeout: 10000 }).catch(() => {});
  assert.equal(await activityCount(page), before + 1);
  // The name is shown as text; no element was created from it and no script ran.
  const names = await page.locator('.activity-name').allTextContents();
  assert.ok(names.includes(kEvilName), 'the HTML-looking name is shown literally');
  assert.equal(await page.locator('#activity-list img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
}

async function checkKeyboard(page) {
  await page.goto(page.url().split('#')[0]);
  await page.waitForSelector('#chart-weekly canvas');
  let role = null;
  for (let i = 0; i < 10 && role !== 'tab'; i++) {
    await page.keyboard.press('Tab');
    role = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('role'));
  }
  assert.equal(role, 'tab', 'Tab reaches the section tabs');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-load', 'the selected tab takes the focus');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-activities', 'aria-selected'), 'true');
  assert.ok(await page.isVisible('#panel-activities'));
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-import');
  assert.ok(await page.isVisible('#panel-import'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'file-input', 'the file chooser is reachable');
}

async function checkPhoneWidth(browser, url) {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(url);
  await phone.waitForSelector('#chart-weekly canvas');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways on a phone by ${overflow}px`);
  await phone.screenshot({ path: join(artifacts, 'dashboard-phone.png'), fullPage: true });
  await phone.close();
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'stride-web-test-'));
  const db = join(dir, 'stride.db');
  let server = null;
  let browser = null;
  try {
    run('athlete', 'set', '--db', db, '--name', 'Sam', '--hr-rest', '50', '--hr-max', '190', '--date', kToday);
    run('sample-data', join(dir, 'runs'), '--weeks', '8', '--date', kToday);
    run('import', '--db', db, join(dir, 'runs'));
    server = await serve(db);
    browser = await chromium.launch({
      executablePath: process.env.STRIDE_CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(server.url);
    const before = await checkLoadAndActivities(page);
    await checkUpload(page, before);
    await checkKeyboard(page);
    await checkPhoneWidth(browser, server.url);
    assert.deepEqual(errors, [], 'no script errors on the page');
    await browser.close();
    browser = null;
    const stopped = exitCode(server.child);
    server.child.kill('SIGINT');
    assert.equal(await stopped, 0, 'stride serve exits 0 on Ctrl-C');
    server = null;
    console.log('dashboard browser test passed; screenshots in ' + artifacts);
  } finally {
    if (browser) await browser.close();
    if (server) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(e); process.exit(1); });
