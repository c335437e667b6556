#!/usr/bin/env bash
# Soak test of the Warcraft trainer: the whole training loop (steps, evaluation and a checkpoint
# after every epoch) on 12 × 12 maps in batches of 16; prints the resident memory after a
# warm-up of a tenth of the steps and at the end, and fails if it grew by 5 % or more
# (WarcraftShortestPathKitTests/WarcraftSoakTests.swift).
#
#   scripts/soak-warcraft.sh                 # 1 000 training steps, release build
#   STEPS=200 CONFIGURATION=debug scripts/soak-warcraft.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DSOLVE_WARCRAFT_SOAK_STEPS="${STEPS:-1000}"
swift test -c "${CONFIGURATION:-release}" --filter 'WarcraftShortestPathKitTests.WarcraftSoakTests' 2>&1 | grep -E '^soak |✔|✘|error:'
