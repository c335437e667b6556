#!/usr/bin/env bash
# Builds the DocC documentation of every public library module with
# `swift package generate-documentation` (swift-docc-plugin) and fails when any of them prints
# a warning: a broken symbol link, an unresolved topic, a malformed doc comment. DocC does not
# warn about public symbols without a doc comment; this script does, from the symbol graphs
# the plugin extracted (a symbol that only inherits its protocol requirement's comment counts
# as undocumented).
#
#   scripts/check-docs.sh                  # every public library module
#   scripts/check-docs.sh SolverRegistry   # only the modules named
#
# Prints one line per module with its warning count, then every warning; exits 1 when any
# module has one (or fails to build). Takes several minutes on two cores: not part of .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."

modules=(
  KindedErrors DifferentiableSolvers SolverRegistry EstimatorStudies CombinatorialSolvers GLPKSolver
  GraphCutSolver DifferentiableSolversAutoDiff TensorLayers SolverConformance NumPyFormat
)
if [ $# -gt 0 ]; then modules=("$@"); fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
failed=0
for module in "${modules[@]}"; do
  log="$logs/$module.log"
  if ! nice swift package generate-documentation --target "$module" >"$log" 2>&1; then
    echo "$module: generate-documentation FAILED"
    tail -30 "$log"
    failed=1
    continue
  fi
  graphs="$(ls -dt .build/*/extracted-symbols/*/"$module" 2>/dev/null | head -1)"
  python3 - "$module" "$graphs" >>"$log" <<'PY'
import glob, json, sys
module, directory = sys.argv[1], sys.argv[2]
if not directory:
    print(f"warning: no symbol graphs of {module} found under .build")
    sys.exit()
for path in sorted(glob.glob(directory + "/*.symbols.json")):
    for symbol in json.load(open(path))["symbols"]:
        location = symbol.get("location", {})
        if symbol.get("accessLevel") not in ("public", "open") or "::SYNTHESIZED::" in symbol["identifier"]["precise"] \
                or not location.get("uri"):
            continue
        line = location["position"]["line"]
        doc = symbol.get("docComment") or {}
        ends = [entry["range"]["end"]["line"] for entry in doc.get("lines", []) if "range" in entry]
        # Its own comment ends just above the declaration (attributes may sit between).
        if doc.get("uri", location["uri"]) == location["uri"] and ends and 0 < line - max(ends) <= 6:
            continue
        file = location["uri"].removeprefix("file://")
        print(f"warning: public {symbol['kind']['displayName'].lower()} "
              f"'{'.'.join(symbol['pathComponents'])}' has no doc comment\n --> {file}:{line + 1}\n")
PY
  count=$(grep -c "warning:" "$log")
  echo "$module: $count warnings"
  if [ "$count" -gt 0 ]; then
    # Each DocC warning is followed by its source excerpt up to a blank line.
    awk '/warning:/ { show = 1 } show { print } /^$/ { show = 0 }' "$log"
    failed=1
  fi
done
exit "$failed"
