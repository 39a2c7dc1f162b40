#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Times whole commands run in turn, round after round, so that a drift in the machine's speed (the
shared build VMs change by 10-15 % within minutes) falls on every command alike. Prints, per command, the
median wall time, the mean user and system CPU, and the ratio of its median to the first command's.

Usage: interleaved_runs.py ROUNDS LABEL=COMMAND... [--db PATH]
  {db} in a command is replaced by PATH; PATH, PATH-wal and PATH-shm are deleted before every run.
  One warm-up round is run first and not counted. A command that exits non-zero stops the script.
"""
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time


def remove_db(path):
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def main(argv):
    db = None
    if "--db" in argv:
        i = argv.index("--db")
        db = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) < 2 or not argv[0].isdigit() or any("=" not in a for a in argv[1:]):
        sys.exit(__doc__)
    rounds = int(argv[0])
    commands = [a.split("=", 1) for a in argv[1:]]
    wall = {label: [] for label, _ in commands}
    cpu = {label: [] for label, _ in commands}
    for r in range(rounds + 1):
        for label, command in commands:
            if db is not None:
                remove_db(db)
            args = shlex.split(command.replace("{db}", db or ""))
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                sys.exit(f"{label}: exit {done.returncode}: {command}")
            if r > 0:
                wall[label].append(elapsed)
                cpu[label].append((after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime))
    if db is not None:
        remove_db(db)
    base = statistics.median(wall[commands[0][0]])
    for label, _ in commands:
        median = statistics.median(wall[label])
        user = statistics.mean(u for u, _ in cpu[label])
        system = statistics.mean(s for _, s in cpu[label])
        print(f"{label:<24} median {median:.3f} s  CPU {user + system:.3f} s (user {user:.3f}, sys {system:.3f})"
              f"  ratio {median / base:.2f}  ({rounds} rounds)")


if __name__ == "__main__":
    main(sys.argv[1:])
