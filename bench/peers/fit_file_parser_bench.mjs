// SPDX-License-Identifier: MIT
// Speed peer for bench/fit_decode_bench.cc: fit-file-parser (npm, in node_modules) decodes the same
// corpus in one process: files read and .gz inflated before timing, warm-up passes, then 7 timed passes;
// prints each pass and the median MB/s by wall time and by CPU time. Run from the repository root,
// right before or after the C++ bench: node bench/peers/fit_file_parser_bench.mjs [DIR] [WARMUP_PASSES]
// (Garmin's @garmin/fitsdk is never timed: its licence forbids benchmarking.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import FitParser from 'fit-file-parser';

const dir = process.argv[2] ?? '../shared/data/activities/fit';
const warmup = Number(process.argv[3] ?? 3);
const kTimedPasses = 7;

const files = readdirSync(dir)
  .filter((f) => /\.fit(\.gz)?$/i.test(f))
  .sort()
  .map((f) => {
    const raw = readFileSync(join(dir, f));
    const bytes = f.toLowerCase().endsWith('.gz') ? gunzipSync(raw) : raw;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });
const totalBytes = files.reduce((a, b) => a + b.byteLength, 0);

function pass(options) {
  let records = 0;
  let rejected = 0;
  for (const bytes of files) {
    new FitParser(options).parse(bytes, (error, data) => {
      if (error) rejected++;
      else records += data.records?.length ?? 0;
    });
  }
  return { records, rejected };
}

function run(label, options) {
  for (let i = 0; i < warmup; i++) pass(options);
  const seconds = [];
  const cpuSeconds = [];  // user + system CPU time: fair on a loaded machine, like Google Benchmark's CPU column
  let last;
  for (let i = 0; i < kTimedPasses; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = pass(options);
    const c = process.cpuUsage(c0);
    seconds.push((performance.now() - t0) / 1000);
    cpuSeconds.push((c.user + c.system) / 1e6);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(kTimedPasses / 2)];
  const wall = median(seconds);
  const cpu = median(cpuSeconds);
  console.log(`[${label}] wall passes: ${seconds.map((s) => s.toFixed(3)).join(' ')} s`);
  console.log(`  median wall ${wall.toFixed(3)} s: ${(totalBytes / wall / 1e6).toFixed(2)} MB/s; ` +
    `median CPU ${cpu.toFixed(3)} s: ${(totalBytes / cpu / 1e6).toFixed(2)} MB/s, ` +
    `${(last.records / cpu / 1e3).toFixed(1)} k records/s; records ${last.records}, rejected ${last.rejected}`);
}

console.log(`fit-file-parser, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`);
console.log(`${files.length} files from ${dir} (.gz inflated before timing), ${totalBytes} bytes`);
run('defaults (mode=list, force=true)', { force: true });
run('force=false (CRC checked)', { force: false });
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
