# SPDX-License-Identifier: MIT
# Peer comparison for bench/xml_decode_bench.cc: times gpxpy (Debian python3-gpxpy) parsing the same GPX
# files, in one process: warm-up passes, then timed passes; prints the median and best MB/s. Bytes are those
# of every file in the folder (as in xml_decode_bench), so a file gpxpy rejects still counts.
# Usage, from the repository root: python3 bench/peers/gpxpy_bench.py [folder] [--warmup N] [--passes N]
import argparse
import gzip
import os
import platform
import statistics
import sys
import time

import gpxpy
import gpxpy.parser


def load_corpus(folder):
    files = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if name.endswith(".gz"):
            data = gzip.decompress(data)  # inflated before timing
        files.append((name, len(data), data.decode("utf-8", errors="replace")))
    return files


def run_pass(files):
    """Parses every file once; returns (track points, rejected [(name, reason)])."""
    points, rejected = 0, []
    for name, _, text in files:
        try:
            gpx = gpxpy.parse(text)
        except Exception as e:  # gpxpy raises GPXXMLSyntaxException and others on bad files
            rejected.append((name, f"{type(e).__name__}: {e}"))
            continue
        for track in gpx.tracks:
            for segment in track.segments:
                points += len(segment.points)
    return points, rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=os.path.join("..", "shared", "data", "activities", "gpx"))
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--passes", type=int, default=7)
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        sys.exit(f"gpxpy_bench: {args.folder} not found (run from the repository root)")
    files = load_corpus(args.folder)
    total_bytes = sum(size for _, size, _ in files)
    print(f"gpxpy {gpxpy.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{gpxpy.parser.mod_etree.__name__}, load average {os.getloadavg()[0]:.1f}")
    print(f"{len(files)} GPX files, {total_bytes} bytes")
    for _ in range(args.warmup):
        run_pass(files)
    times, cpu_times = [], []
    points, rejected = 0, []
    for _ in range(args.passes):
        start, start_cpu = time.perf_counter(), time.process_time()
        points, rejected = run_pass(files)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - start_cpu)
    times.sort()
    median, best = statistics.median(times), times[0]
    cpu_median = statistics.median(cpu_times)
    print("passes: " + " ".join(f"{t:.3f}" for t in times) + " s")
    print(f"track points per pass: {points}")
    print(f"median {median:.3f} s: {total_bytes / median / 1e6:.2f} MB/s | best {best:.3f} s: "
          f"{total_bytes / best / 1e6:.2f} MB/s")
    print(f"median CPU time {cpu_median:.3f} s: {total_bytes / cpu_median / 1e6:.2f} MB/s of CPU (less sensitive to load)")
    for name, reason in rejected:
        print(f"rejected: {name}: {reason}")
    print(f"GPXPY_MEDIAN_MBPS={total_bytes / median / 1e6:.3f} GPXPY_CPU_MBPS={total_bytes / cpu_median / 1e6:.3f}")


if __name__ == "__main__":
    main()
