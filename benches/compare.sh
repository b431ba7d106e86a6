#!/usr/bin/env bash
# Compares the speed of two builds of the game: plays the same batch of
# heuristic games with each in turn, ROUNDS times, and prints each build's
# median, mean and fastest wall time.
#
#   benches/compare.sh OLD_BINARY NEW_BINARY [ROUNDS] [RUNS]
#
# Alternating matters on a shared machine, where the same build's time moves
# by 40% from one minute to the next: both builds meet the same slow minutes.
# Instruction counts are no substitute: a change that saved 5.9% of them played
# about 5% slower (reverted in commit 5155413). Judge a change by this, with 20
# rounds or more.
set -euo pipefail
old=$1 new=$2 rounds=${3:-20} runs=${4:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for round in $(seq "$rounds"); do
  for build in old new; do
    binary=${!build}
    start=$(date +%s.%N)
    "$binary" simulate --runs "$runs" --seed "$round" >/dev/null 2>&1
    end=$(date +%s.%N)
    awk -v start="$start" -v end="$end" 'BEGIN { print end - start }' >>"$tmp/$build"
  done
done
for build in old new; do
  sort -n "$tmp/$build" | awk -v name="$build" '{ t[NR] = $1; sum += $1 }
    END { printf "%s: median %.3f s, mean %.3f s, fastest %.3f s over %d rounds\n", name, t[int((NR + 1) / 2)], sum / NR, t[1], NR }'
done
