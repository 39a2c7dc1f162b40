// SPDX-License-Identifier: MIT
// Conformance check of Stride's FIT workout encoder against the official Garmin FIT SDK (npm
// @garmin/fitsdk), used as an oracle only: never timed, never redistributed. Every .fit file in a folder
// must pass the SDK's isFIT and checkIntegrity and read() without errors; the four samples written by
// `formats_test --gtest_filter=FitWorkoutSamplesTest.*` must also decode to the expected steps.
//
// Usage: node tests/conformance/fit_workout_oracle.mjs FORMATS_TEST_BINARY   (writes the samples itself)
//        node tests/conformance/fit_workout_oracle.mjs --dir DIR           (e.g. `stride plan export --fit-workouts DIR`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

let dir;
let temporary = false;
if (process.argv[2] === '--dir') {
  dir = process.argv[3];
} else {
  dir = mkdtempSync(join(tmpdir(), 'stride-fitwkt-'));
  temporary = true;
  execFileSync(process.argv[2], ['--gtest_filter=FitWorkoutSamplesTest.*'], {
    env: { ...process.env, STRIDE_FIT_WORKOUT_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'],
  });
}

// Expected steps of the samples: [durationType, duration (s, m, or the repeat-from step), targetType,
// low, high (m/s or bpm + 100), intensity, repeatSteps].
const speed = (lo, hi) => ['speed', lo, hi];
const hr = (lo, hi) => ['heartRate', lo + 100, hi + 100];
const open = ['open', undefined, undefined];
const EXPECTED = {
  '5x1k.fit': {
    name: '5x1k', sport: 'running', steps: [
      ['time', 600, ...hr(120, 140), 'warmup'], ['distance', 1000, ...speed(4.0, 4.167), 'interval'],
      ['distance', 400, ...open, 'recovery'], ['repeatUntilStepsCmplt', 1, ...open, undefined, 5],
      ['open', undefined, ...open, 'cooldown']],
  },
  'tempo.fit': {
    name: 'Tempo 20 min', sport: 'running', steps: [
      ['time', 900, ...open, 'warmup'], ['time', 1200, ...speed(3.85, 3.95), 'active'],
      ['time', 600, ...open, 'cooldown']],
  },
  'long_run_mp.fit': {
    name: 'Long run 30k with 3x5k at MP', sport: 'running', steps: [
      ['distance', 10000, ...open, 'warmup'], ['distance', 5000, ...speed(3.33, 3.45), 'active'],
      ['distance', 1000, ...open, 'recovery'], ['repeatUntilStepsCmplt', 1, ...open, undefined, 3],
      ['distance', 2000, ...open, 'cooldown']],
  },
  'easy_hr.fit': { name: 'Easy 45 min HR', sport: 'running', steps: [['time', 2700, ...hr(130, 145), 'active']] },
};

const near = (a, b) => (a === undefined || b === undefined ? a === b : Math.abs(a - b) <= 1e-6);

function durationOf(s) {
  switch (s.durationType) {
    case 'time': return s.durationTime;
    case 'distance': return s.durationDistance;
    case 'repeatUntilStepsCmplt': return s.durationStep;
    default: return undefined;
  }
}

function targetOf(s) {
  if (s.targetType === 'speed') return [s.customTargetSpeedLow, s.customTargetSpeedHigh];
  if (s.targetType === 'heartRate') return [s.customTargetHeartRateLow, s.customTargetHeartRateHigh];
  return [undefined, undefined];
}

function checkSteps(messages, want, problems) {
  const [workout] = messages.workoutMesgs ?? [];
  const steps = messages.workoutStepMesgs ?? [];
  if (messages.fileIdMesgs?.[0]?.type !== 'workout') problems.push(`file_id.type ${messages.fileIdMesgs?.[0]?.type}`);
  if (workout?.wktName !== want.name) problems.push(`wkt_name ${workout?.wktName}`);
  if (workout?.sport !== want.sport) problems.push(`sport ${workout?.sport}`);
  if (workout?.numValidSteps !== steps.length) problems.push(`num_valid_steps ${workout?.numValidSteps} != ${steps.length}`);
  if (steps.length !== want.steps.length) problems.push(`${steps.length} steps, want ${want.steps.length}`);
  want.steps.forEach(([type, duration, targetType, low, high, intensity, repeat], i) => {
    const s = steps[i] ?? {};
    const [gotLow, gotHigh] = targetOf(s);
    const got = [s.durationType, durationOf(s), s.targetType, gotLow, gotHigh, s.intensity, s.repeatSteps];
    const ok = s.messageIndex === i && got[0] === type && near(got[1], duration) && got[2] === targetType &&
      near(gotLow, low) && near(gotHigh, high) && got[5] === intensity && got[6] === repeat &&
      (targetType === 'open' || s.targetValue === 0 || type === 'repeatUntilStepsCmplt');
    if (!ok) problems.push(`step ${i}: got ${JSON.stringify(got)} (messageIndex ${s.messageIndex}), want ${JSON.stringify([type, duration, targetType, low, high, intensity, repeat])}`);
  });
}

// What every workout file must hold, samples or exports alike: a workout file_id, one workout whose step
// count matches its steps, steps numbered in order, and repeat steps that point back to an earlier step.
function checkStructure(messages, problems) {
  const steps = messages.workoutStepMesgs ?? [];
  if (messages.fileIdMesgs?.[0]?.type !== 'workout') problems.push(`file_id.type ${messages.fileIdMesgs?.[0]?.type}`);
  const workouts = messages.workoutMesgs ?? [];
  if (workouts.length !== 1) problems.push(`${workouts.length} workout messages`);
  if (workouts[0]?.sport !== 'running') problems.push(`sport ${workouts[0]?.sport}`);
  if (!workouts[0]?.wktName) problems.push('no wkt_name');
  if (workouts[0]?.numValidSteps !== steps.length) problems.push(`num_valid_steps ${workouts[0]?.numValidSteps} != ${steps.length}`);
  if (steps.length === 0) problems.push('no steps');
  steps.forEach((s, i) => {
    if (s.messageIndex !== i) problems.push(`step ${i}: messageIndex ${s.messageIndex}`);
    if (s.durationType === 'repeatUntilStepsCmplt' && !(s.durationStep < i && s.repeatSteps >= 1)) {
      problems.push(`step ${i}: repeat of step ${s.durationStep} x ${s.repeatSteps}`);
    }
  });
}

const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.fit')).sort();
let passed = 0, failed = 0;
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  const problems = [];
  const decoder = new Decoder(Stream.fromBuffer(bytes));
  if (!decoder.isFIT()) problems.push('isFIT false');
  if (!decoder.checkIntegrity()) problems.push('checkIntegrity false');
  const { messages, errors } = new Decoder(Stream.fromBuffer(bytes)).read();
  if (errors.length) problems.push(`read errors: ${errors.join('; ')}`);
  checkStructure(messages, problems);
  if (EXPECTED[file]) checkSteps(messages, EXPECTED[file], problems);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${file}: ${problems.join('; ')}`);
  } else {
    passed++;
  }
}
if (temporary) {
  for (const name of Object.keys(EXPECTED)) {
    if (!files.includes(name)) { failed++; console.log(`FAIL ${name} was not written`); }
  }
  rmSync(dir, { recursive: true, force: true });
}
if (files.length === 0) { failed++; console.log(`FAIL no .fit files in ${dir}`); }
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
