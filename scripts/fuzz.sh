#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ against the package's modules and runs each one for a
# bounded time from its committed seed corpus.
#
#   scripts/fuzz.sh                      # every target, 60 s each
#   SECONDS_PER_TARGET=600 scripts/fuzz.sh NumPyReader
#
# The package's modules are built in release with coverage instrumentation (-sanitize=fuzzer)
# and AddressSanitizer into .build/fuzz (the ordinary builds are left alone); each target in
# Fuzz/<Target>.swift is then compiled and linked against their object files with swiftc.
# New inputs go to .build/fuzz/corpus/<target>; crashes to .build/fuzz/artifacts/<target>.
# Prints executions and coverage (libFuzzer's final stats) per target; exit status is non-zero
# if any target crashes, leaks, times out or runs out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# A Swift trap should reach libFuzzer as a deadly signal, not run Swift's backtracer under ASan
# (which reads freed memory while it walks the stack and is reported as a use-after-free).
export SWIFT_BACKTRACE=enable=no

seconds=${SECONDS_PER_TARGET:-60}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(DsolveJSON NumPyReader GLPKModel IDXReader)
declare -A seeds=([DsolveJSON]=dsolve-json [NumPyReader]=numpy [GLPKModel]=glpk-model [IDXReader]=idx)

# The examples' IDX reader (Sources/_ExampleSupport/Datasets) and the error type it throws.
idx_source() {
    cat "Sources/_ExampleSupport/$1.swift"
}

scratch=.build/fuzz
build=(swift build -c release --sanitize=fuzzer --sanitize=address --scratch-path "$scratch")
mkdir -p "$scratch"
"${build[@]}" --target DsolveCore >"$scratch.build.log" 2>&1 || { tail -30 "$scratch.build.log"; exit 1; }
products=$("${build[@]}" --show-bin-path)   # same flags, or SwiftPM plans a rebuild
modules=(ArgumentParserToolInfo ArgumentParser DifferentiableSolvers CombinatorialSolvers CGLPKShim GLPKSolver CMaxflow
         GraphCutSolver NumPyFormat DsolveCore)
objects=()
for module in "${modules[@]}"; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$products/$module.build" -name '*.o')
done

status=0
for target in "${targets[@]}"; do
    binary="$scratch/fuzz-$target"
    if [[ "$target" == IDXReader ]]; then
        sources="$scratch/idx-sources"
        mkdir -p "$sources"
        idx_source Datasets/IDXFile >"$sources/IDXFile.swift" && idx_source ExampleError >"$sources/ExampleError.swift" \
            || { echo "IDXReader: no IDX reader in Sources/_ExampleSupport"; status=1; continue; }
        swiftc -O -swift-version 6 -parse-as-library -sanitize=fuzzer,address -module-name IDXFuzz -o "$binary" \
            Fuzz/IDXReader.swift Fuzz/IDXGzipStub.swift "$sources/IDXFile.swift" "$sources/ExampleError.swift" \
            >"$scratch/link-$target.log" 2>&1 || { tail -20 "$scratch/link-$target.log"; exit 1; }
    else
        swiftc -O -swift-version 6 -parse-as-library -sanitize=fuzzer,address "Fuzz/$target.swift" -o "$binary" \
            -I "$products/Modules" -I "$products" \
            -Xcc -fmodule-map-file=Sources/CGLPK/module.modulemap \
            -Xcc -fmodule-map-file="$products/CGLPKShim.build/module.modulemap" -Xcc -I -Xcc Sources/CGLPKShim/include \
            -Xcc -fmodule-map-file="$products/CMaxflow.build/module.modulemap" -Xcc -I -Xcc Sources/CMaxflow/include \
            "${objects[@]}" -lglpk -lstdc++ >"$scratch/link-$target.log" 2>&1 || { tail -20 "$scratch/link-$target.log"; exit 1; }
    fi
    corpus="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    log="$scratch/$target.log"
    set +e
    "$binary" "$corpus" "Fuzz/corpus/${seeds[$target]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1
    result=$?
    set -e
    executions=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    coverage=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
    echo "$target: exit $result, $executions executions, $coverage, corpus $(ls "$corpus" | wc -l) new inputs (log: $log)"
    [[ $result -eq 0 ]] || { grep -E 'ERROR|Fatal|==[0-9]+==|artifact' "$log" | head -5; status=1; }
done
exit $status
