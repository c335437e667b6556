#!/usr/bin/env bash
# Soak test: many layer forward/backward calls (AIMLE) on small top-k, GLPK and graph-cut
# problems; prints the resident memory after a warm-up and at the end, and fails if it grew
# by 8 MiB or more (ReliabilityTests/SoakTests.swift).
#
#   scripts/soak.sh                          # 100 000 calls per solver, release build
#   CALLS=20000 CONFIGURATION=debug scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DSOLVE_SOAK_CALLS="${CALLS:-100000}"
swift test -c "${CONFIGURATION:-release}" --filter 'ReliabilityTests.SoakTests' 2>&1 | grep -E '^soak |✔|✘|error:'
