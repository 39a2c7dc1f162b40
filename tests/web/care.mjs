// SPDX-License-Identifier: MIT
// Browser test of the Today, Plan and Rehab tabs: builds Sam's demo database (JOURNEY.md) with the real
// `stride` binary, makes a 20-week plan, serves it on a workout day and drives headless Chromium. Checks:
// the page opens on Today with the warm-up, the main set and foam rolling with a working timer; the plan
// shows its weeks with phases (taper and race included) and the current week; recording an injury and
// logging bad pain in the Rehab tab changes the panel (stage, then red flags); the tabs fit a phone.
// Screenshots go to the artifacts folder. Usage: node tests/web/care.mjs path/to/stride ARTIFACT_DIR
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { addDays, interrupt, launchChromium, runStride, serve } from './harness.mjs';

const [stride, artifacts = 'build/test-artifacts'] = process.argv.slice(2);
assert.ok(stride, 'usage: node tests/web/care.mjs STRIDE_BINARY [ARTIFACT_DIR]');
const kStart = '2026-03-01';

function makeDemo(dir, db) {
  const run = (...args) => runStride(stride, ...args, '--db', db);
  run('athlete', 'set', '--name', 'Sam', '--sex', 'female', '--birth-year', '1992', '--units', 'km',
      '--weekly-distance', '25km', '--longest-run', '12km', '--race', '10k=52:30@2026-02-01', '--days', 'tue,thu,sat,sun',
      '--long-run-day', 'sun', '--facilities', 'foam-roller,textured-roller,sauna,plunge-pool,gym',
      '--hr-rest', '54', '--hr-max', '186', '--date', kStart);
  runStride(stride, 'sample-data', join(dir, 'runs'), '--weeks', '8', '--date', kStart);
  run('import', join(dir, 'runs'));
  run('plan', 'new', '--race-date', addDays(kStart, 20 * 7), '--goal', '4:30:00', '--date', kStart);
}

// The first day of the plan whose prescription has a warm-up, a main set and foam rolling.
function workoutDay(db) {
  for (let d = 0; d < 14; d++) {
    const date = addDays(kStart, d);
    const day = JSON.parse(runStride(stride, 'today', '--db', db, '--date', date, '--json'));
    const run = (day.sessions || []).find(s => s.warmup.length && s.main.length);
    if (run && day.mobility.some(i => i.kind === 'foam_rolling')) return date;
  }
  throw new Error('no workout day with foam rolling in the first two weeks of the plan');
}

async function checkToday(page) {
  await page.waitForSelector('#today-content .session');
  assert.equal(await page.getAttribute('#tab-today', 'aria-selected'), 'true', 'with a plan the page opens on Today');
  assert.ok(await page.locator('#today-content .part.warmup li').count() > 0, 'the warm-up is listed');
  assert.ok(await page.locator('#today-content .part.main .step').count() > 0, 'the main set has steps');
  assert.match(await page.textContent('#today-content .part.main'), /\d:\d\d\/km/, 'paces in the runner\'s units');
  const rolling = page.locator('#today-rolling .item');
  assert.ok(await rolling.count() > 0, 'foam rolling is listed');
  assert.match(await page.textContent('#today-rolling'), /Why: /, 'each item says why');
  // The first foam-rolling timer counts down and stops.
  const first = rolling.first();
  const before = await first.locator('.timer-left').textContent();
  await first.locator('.timer-button').click();
  assert.equal(await first.locator('.timer-button').textContent(), 'Stop');
  await page.waitForFunction(t => document.querySelector('#today-rolling .timer-left').textContent !== t, before);
  await first.locator('.timer-button').click();
  assert.equal(await first.locator('.timer-button').textContent(), 'Start');
  await page.screenshot({ path: join(artifacts, 'care-today.png'), fullPage: true });
}

async function checkPlan(page, today) {
  await page.click('#tab-plan');
  await page.waitForSelector('#plan-weeks .week');
  const phases = await page.locator('#plan-weeks .week').evaluateAll(ws => ws.map(w => w.dataset.phase));
  assert.ok(phases.length >= 18, `expected about 20 weeks, got ${phases.length}`);
  for (const p of ['base', 'taper', 'race']) assert.ok(phases.includes(p), `the plan shows a ${p} phase: ${phases}`);
  assert.equal(await page.locator('#plan-weeks .week.current').count(), 1, 'one week is highlighted');
  assert.equal(await page.getAttribute(`#plan-weeks .day[aria-current="date"]`, 'class'), 'day today');
  assert.match(await page.textContent('#plan-weeks .week.current'), new RegExp(today.slice(5)));
  assert.match(await page.textContent('#plan-weeks .week.current'), /Done .* of .* planned/);
  await page.screenshot({ path: join(artifacts, 'care-plan.png'), fullPage: true });
}

async function checkRehab(page) {
  await page.click('#tab-rehab');
  await page.waitForSelector('#rehab-stage');
  assert.equal(await page.getAttribute('#rehab-stage', 'data-stage'), 'none');
  assert.ok(await page.isHidden('#pain-form'), 'no pain log without an injury');
  await page.selectOption('#injury-site', 'it-band');
  await page.selectOption('#injury-side', 'left');
  await page.fill('#injury-pain', '12');
  await page.click('#injury-submit');
  await page.waitForFunction(() => /0 to 10/.test(document.querySelector('#injury-status').textContent));
  assert.equal(await page.getAttribute('#injury-pain', 'aria-invalid'), 'true', 'the bad field is marked');
  await page.fill('#injury-pain', '4');
  await page.click('#injury-submit');
  await page.waitForSelector('#rehab-stage[data-stage="protect"]');
  assert.match(await page.textContent('#rehab-injury'), /it-band \(left\), pain 4\/10/);
  assert.ok(await page.locator('#rehab-content .item').count() > 0, "today's routine is shown");
  assert.match(await page.textContent('#rehab-content'), /What sends you back/);
  assert.equal(await page.locator('#rehab-red-flags').count(), 0);
  // A bad day: pain 8 during activity is a red flag, and the panel says so.
  await page.fill('#pain-during', '8');
  await page.fill('#pain-after', '6');
  await page.fill('#pain-next-morning', '5');
  await page.press('#pain-next-morning', 'Enter');
  await page.waitForSelector('#rehab-red-flags');
  assert.match(await page.textContent('#rehab-red-flags'), /clinician/);
  assert.match(await page.textContent('#pain-status'), /Logged/);
  assert.equal(await page.locator('#rehab-logs tbody tr').count(), 1);
  await page.screenshot({ path: join(artifacts, 'care-rehab.png'), fullPage: true });
}

async function checkPhone(browser, url) {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(url);
  for (const tab of ['today', 'plan', 'rehab']) {
    await phone.click(`#tab-${tab}`);
    await phone.waitForSelector(`#${tab}-content > *`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the ${tab} tab scrolls sideways on a phone by ${overflow}px`);
  }
  await phone.click('#tab-today');
  await phone.screenshot({ path: join(artifacts, 'care-phone-today.png'), fullPage: true });
  await phone.close();
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'stride-care-test-'));
  const db = join(dir, 'stride.db');
  let server = null;
  let browser = null;
  try {
    makeDemo(dir, db);
    const today = workoutDay(db);
    server = await serve(stride, db, today);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(server.url);
    await checkToday(page);
    await checkPlan(page, today);
    await checkRehab(page);
    await checkPhone(browser, server.url);
    assert.deepEqual(errors, [], 'no script errors on the page');
    await browser.close();
    browser = null;
    assert.equal(await interrupt(server.child), 0, 'stride serve exits 0 on Ctrl-C');
    server = null;
    console.log('care browser test passed; screenshots in ' + artifacts);
  } finally {
    if (browser) await browser.close();
    if (server) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(e); process.exit(1); });
