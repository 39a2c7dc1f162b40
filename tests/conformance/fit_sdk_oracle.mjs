// SPDX-License-Identifier: MIT
// Conformance check against the official Garmin FIT SDK (npm @garmin/fitsdk), used as an oracle only:
// never timed, never redistributed. It encodes generated activity files with the SDK's Encoder, decodes
// them with the SDK's Decoder, runs `stride inspect --json` on the same files and compares what both
// report: record counts exactly, session and lap totals within 0.01.
//
// Usage: node tests/conformance/fit_sdk_oracle.mjs STRIDE_BINARY [COUNT]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let sdk;
try {
  sdk = await import('@garmin/fitsdk');
} catch {
  console.log('skipped: @garmin/fitsdk is not installed (run npm ci)');
  process.exit(0);
}
const { Encoder, Decoder, Stream, Profile } = sdk;

const stride = process.argv[2];
const count = Number(process.argv[3] ?? 60);

// Small deterministic PRNG (mulberry32) so every run checks the same files.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPORTS = [['running', 'generic'], ['running', 'trail'], ['running', 'treadmill'], ['walking', 'generic'], ['cycling', 'road']];

function makeActivity(i) {
  const r = rng(1000 + i);
  const start = new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 27), 6 + (i % 12), (i * 7) % 60, 0));
  const [sport, subSport] = SPORTS[i % SPORTS.length];
  const withDev = i % 3 === 0;
  const encoder = new Encoder();
  encoder.onMesg(Profile.MesgNum.FILE_ID, {
    type: 'activity', manufacturer: 'development', product: 1, serialNumber: 1000 + i, timeCreated: start,
  });
  if (withDev) {
    const developerDataIdMesg = { developerDataIndex: 0, applicationId: Array(16).fill(7), applicationVersion: 1 };
    const fieldDescriptionMesg = {
      developerDataIndex: 0, fieldDefinitionNumber: 0, fitBaseTypeId: 0x84, fieldName: 'Stride Power', units: 'W',
      nativeMesgNum: Profile.MesgNum.RECORD,
    };
    encoder.onMesg(Profile.MesgNum.DEVELOPER_DATA_ID, developerDataIdMesg);
    encoder.onMesg(Profile.MesgNum.FIELD_DESCRIPTION, fieldDescriptionMesg);
    encoder.addDeveloperField(0, developerDataIdMesg, fieldDescriptionMesg);
  }
  encoder.onMesg(Profile.MesgNum.EVENT, { timestamp: start, event: 'timer', eventType: 'start' });
  const n = 60 + Math.floor(r() * 900);
  const laps = 1 + Math.floor(r() * 4);
  let distance = 0;
  let t = start.getTime() / 1000;
  const lapEvery = Math.ceil(n / laps);
  const lapRows = [];
  let lapStart = { t, distance, hr: [] };
  for (let k = 0; k < n; k++) {
    const speed = 2 + r() * 2.5;
    const dt = 1 + Math.floor(r() * 3);
    const hr = 110 + Math.floor(r() * 70);
    const record = {
      timestamp: new Date(t * 1000), distance, enhancedSpeed: speed, heartRate: hr,
      cadence: 75 + Math.floor(r() * 20), enhancedAltitude: 20 + r() * 50,
      positionLat: Math.round((51.5 + k * 1e-5) * 2 ** 31 / 180), positionLong: Math.round((-0.1 + k * 1e-5) * 2 ** 31 / 180),
    };
    if (withDev) record.developerFields = { 0: 200 + Math.floor(r() * 100) };
    encoder.onMesg(Profile.MesgNum.RECORD, record);
    lapStart.hr.push(hr);
    const last = k === n - 1;
    if ((k + 1) % lapEvery === 0 || last) {
      lapRows.push({ startTime: new Date(lapStart.t * 1000), timestamp: new Date(t * 1000),
        totalElapsedTime: t - lapStart.t, totalTimerTime: t - lapStart.t, totalDistance: distance - lapStart.distance,
        avgHeartRate: Math.round(lapStart.hr.reduce((a, b) => a + b, 0) / lapStart.hr.length), maxHeartRate: Math.max(...lapStart.hr) });
      lapStart = { t: t + dt, distance: distance + speed * dt, hr: [] };
    }
    distance += speed * dt;
    t += dt;
  }
  const end = new Date((t - 1) * 1000);
  encoder.onMesg(Profile.MesgNum.EVENT, { timestamp: end, event: 'timer', eventType: 'stopAll' });
  lapRows.forEach((lap, idx) => encoder.onMesg(Profile.MesgNum.LAP, { ...lap, messageIndex: idx, sport }));
  const totalElapsed = (end.getTime() - start.getTime()) / 1000;
  encoder.onMesg(Profile.MesgNum.SESSION, {
    timestamp: end, startTime: start, sport, subSport, totalElapsedTime: totalElapsed, totalTimerTime: totalElapsed,
    totalDistance: lapRows.reduce((a, l) => a + l.totalDistance, 0), avgHeartRate: 140, maxHeartRate: 179,
    numLaps: lapRows.length, firstLapIndex: 0, messageIndex: 0,
  });
  encoder.onMesg(Profile.MesgNum.ACTIVITY, {
    timestamp: end, localTimestamp: (end.getTime() / 1000 - 631065600) + 3600, numSessions: 1, type: 'manual',
    event: 'activity', eventType: 'stop', totalTimerTime: totalElapsed,
  });
  return encoder.close();
}

const dir = mkdtempSync(join(tmpdir(), 'stride-fitsdk-'));
const files = [];
const expected = [];
for (let i = 0; i < count; i++) {
  const bytes = makeActivity(i);
  const file = join(dir, `sdk_${String(i).padStart(3, '0')}.fit`);
  writeFileSync(file, bytes);
  const intact = new Decoder(Stream.fromByteArray(bytes)).checkIntegrity();
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read();
  if (errors.length || !intact) throw new Error(`SDK cannot read its own file ${file}: ${errors}`);
  files.push(file);
  expected.push(messages);
}

const out = execFileSync(stride, ['inspect', '--json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
const got = JSON.parse(out);
let passed = 0, failed = 0;
const near = (a, b) => a != null && b != null && Math.abs(a - b) <= 0.01;
got.forEach((entry, i) => {
  const m = expected[i];
  const problems = [];
  if (!entry.ok) problems.push(`stride failed: ${entry.error}`);
  if (entry.records !== m.recordMesgs.length) problems.push(`records ${entry.records} != ${m.recordMesgs.length}`);
  if (entry.laps !== m.lapMesgs.length) problems.push(`laps ${entry.laps} != ${m.lapMesgs.length}`);
  const s = m.sessionMesgs[0];
  const es = (entry.sessions ?? [])[0] ?? {};
  if (!near(es.total_distance_m, s.totalDistance)) problems.push(`distance ${es.total_distance_m} != ${s.totalDistance}`);
  if (!near(es.total_timer_time_s, s.totalTimerTime)) problems.push(`timer ${es.total_timer_time_s} != ${s.totalTimerTime}`);
  if (!near(es.total_elapsed_time_s, s.totalElapsedTime)) problems.push(`elapsed ${es.total_elapsed_time_s} != ${s.totalElapsedTime}`);
  if (es.avg_heart_rate !== s.avgHeartRate || es.max_heart_rate !== s.maxHeartRate) problems.push('session heart rate differs');
  if (es.start_time !== s.startTime.toISOString().replace('.000Z', 'Z')) problems.push(`start ${es.start_time} != ${s.startTime.toISOString()}`);
  if (!String(entry.sport).startsWith(s.sport === 'walking' ? 'walking' : s.sport === 'cycling' ? 'cycling' : '')) problems.push(`sport ${entry.sport} vs ${s.sport}`);
  if (entry.utc_offset_s !== 3600) problems.push(`utc offset ${entry.utc_offset_s} != 3600`);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${entry.file}: ${problems.join('; ')}`);
  } else {
    passed++;
  }
});
if (got.length !== files.length) { failed++; console.log(`FAIL stride returned ${got.length} entries for ${files.length} files`); }
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
