#!/usr/bin/env bash
# Proves the new-solver plugin end to end (issue: "the scaffold test"):
#   1. copies the package to a temporary directory and runs
#      `swift package new-solver --name ScaffoldProbe`;
#   2. builds and runs the generated conformance test, which must FAIL (the skeleton writes zeros);
#   3. replaces the skeleton's body with a trivial correct solver (argmax, one-hot) and
#      runs the test again, which must PASS.
# Takes a few minutes (a full debug build of the copy). Not part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git ls-files -co --exclude-standard -z | xargs -0 -I{} cp --parents {} "$work"
cd "$work"

echo "== scaffolding ScaffoldProbe in $work"
swift package --allow-writing-to-package-directory new-solver --name ScaffoldProbe

echo "== the generated test must fail on the skeleton"
if swift test --filter ScaffoldProbeTests >"$work/first.log" 2>&1; then
  echo "FAIL: the generated test passed on the unimplemented skeleton"; tail -20 "$work/first.log"; exit 1
fi
grep -q "ScaffoldProbe" "$work/first.log" && grep -Eq "✘|error" "$work/first.log" || {
  echo "FAIL: the first run did not fail in the generated test"; tail -20 "$work/first.log"; exit 1; }
echo "   failed as expected: $(grep -c '✘' "$work/first.log") failure lines"

echo "== implementing the skeleton as argmax"
python3 - "$work/Sources/ScaffoldProbe/ScaffoldProbe.swift" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
placeholder = """        for index in 0..<theta.count {
            solution[index] = 0
        }"""
argmax = """        var best = 0
        for index in 1..<theta.count where sense.prefers(Double(theta[index]), over: Double(theta[best])) {
            best = index
        }
        for index in 0..<theta.count {
            solution[index] = index == best ? 1 : 0
        }"""
assert placeholder in text, "skeleton placeholder not found"
open(path, "w").write(text.replace(placeholder, argmax))
PY

echo "== the generated test must pass now"
if ! swift test --filter ScaffoldProbeTests >"$work/second.log" 2>&1; then
  echo "FAIL: the generated test failed on a correct argmax"; tail -30 "$work/second.log"; exit 1
fi
grep -E "Test run with" "$work/second.log" | tail -1
echo "scaffold check passed"
