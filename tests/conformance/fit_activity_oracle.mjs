// SPDX-License-Identifier: MIT
// Conformance check of Stride's FIT activity encoder against the official Garmin FIT SDK (npm
// @garmin/fitsdk), used as an oracle only: never timed, never redistributed. Each file written by
// `formats_test --gtest_filter=FitActivitySamplesTest.*` must pass the SDK's isFIT and checkIntegrity,
// read() without errors, and hold file_id type activity, the expected number of records, laps, one
// session of the expected sport and one activity message.
//
// Usage: node tests/conformance/fit_activity_oracle.mjs FORMATS_TEST_BINARY
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let sdk;
try {
  sdk = await import('@garmin/fitsdk');
} catch {
  console.log('skipped: @garmin/fitsdk is not installed (run npm ci)');
  process.exit(0);
}
const { Decoder, Stream } = sdk;

const dir = mkdtempSync(join(tmpdir(), 'stride-fitact-'));
execFileSync(process.argv[2], ['--gtest_filter=FitActivitySamplesTest.*'], {
  env: { ...process.env, STRIDE_FIT_ACTIVITY_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'],
});

// Stride sport names -> the SDK's sport enum strings.
const SPORT = { running: 'running', cycling: 'cycling', walking: 'walking', trail_running: 'running' };

const rows = readFileSync(join(dir, 'expected.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
let passed = 0, failed = 0;
for (const [file, records, sport] of rows) {
  const bytes = readFileSync(join(dir, file));
  const problems = [];
  const decoder = new Decoder(Stream.fromBuffer(bytes));
  if (!decoder.isFIT()) problems.push('isFIT false');
  if (!decoder.checkIntegrity()) problems.push('checkIntegrity false');
  const { messages, errors } = new Decoder(Stream.fromBuffer(bytes)).read();
  if (errors.length) problems.push(`read errors: ${errors.join('; ')}`);
  if (messages.fileIdMesgs?.[0]?.type !== 'activity') problems.push(`file_id.type ${messages.fileIdMesgs?.[0]?.type}`);
  const got = messages.recordMesgs?.length ?? 0;
  if (got !== Number(records)) problems.push(`${got} records, want ${records}`);
  if ((messages.lapMesgs?.length ?? 0) < 1) problems.push('no lap');
  const sessions = messages.sessionMesgs ?? [];
  if (sessions.length !== 1) problems.push(`${sessions.length} sessions, want 1`);
  if (sessions[0]?.sport !== SPORT[sport]) problems.push(`session sport ${sessions[0]?.sport}, want ${SPORT[sport]}`);
  if ((messages.activityMesgs?.length ?? 0) !== 1) problems.push('want one activity message');
  const first = messages.recordMesgs?.[0];
  if (got > 0 && !(first?.timestamp instanceof Date)) problems.push('first record has no timestamp');
  if (problems.length) {
    failed++;
    console.log(`FAIL ${file}: ${problems.join('; ')}`);
  } else {
    passed++;
  }
}
rmSync(dir, { recursive: true, force: true });
if (rows.length === 0) { failed++; console.log('FAIL no samples were written'); }
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
