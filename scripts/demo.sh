#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The guided demo behind `make run`: Sam's first steps with Stride (JOURNEY.md), on a fresh demo
# database, showing each command as a runner would type it.
set -euo pipefail
stride="${1:-build/stride}"
demo_dir="${DEMO_DIR:-build/demo}"
rm -rf "$demo_dir"
mkdir -p "$demo_dir"
export STRIDE_DB="$demo_dir/stride.db"

step() {
  printf '\n\033[1m== %s\033[0m\n' "$1"
  shift
  printf '$ stride %s\n' "$*"
  "$stride" "$@"
}

echo "Stride demo: a fresh database at $STRIDE_DB"
step "Sam records who she is, what she has run and what she has at hand" \
  athlete set --name Sam --sex female --birth-year 1992 --units km --weekly-distance 25km --longest-run 12km \
  --race 10k=52:30@2026-10-18 --days tue,thu,sat,sun --long-run-day sun \
  --facilities foam-roller,textured-roller,sauna,plunge-pool,gym --hr-rest 54 --hr-max 186
step "Her training paces, from her latest race" paces
today="$(date +%F)"
step "Twelve weeks of her runs as GPX files (demo data, so no watch is needed)" sample-data "$demo_dir/runs" --weeks 12
step "Import them: every file in its own transaction, duplicates skipped" import "$demo_dir/runs"
step "Import again: nothing is stored twice" import "$demo_dir/runs"
step "What is stored" activities --since "$(date -d '-14 days' +%F)"
step "Training load: fitness, fatigue, form, weekly volume and flags" load --from "$(date -d '-6 weeks' +%F)"
step "Fitness from her race and her best efforts" fitness
step "One screen for the season so far" status
step "Her marathon plan: 20 weeks of base, build, peak, taper and race (the dashboard's Today and Plan)" \
  plan new --race-date "$(date -d '+20 weeks' +%F)" --goal 4:30:00
echo
echo "Next: 'stride --help' lists every command. The database stays at $STRIDE_DB."
if [[ "${DEMO_NO_SERVE:-}" != "1" ]]; then
  printf '\n\033[1m== The dashboard, on this machine only (Ctrl-C to stop)\033[0m\n$ stride serve\n'
  exec "$stride" serve --port "${DEMO_PORT:-8080}"
fi
