// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` in the root never builds them.
// Run with: cd Benchmarks && swift package benchmark
func benchmark(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")] + dependencies,
        path: "Benchmarks/\(name)",
        swiftSettings: [.swiftLanguageMode(.v6)],
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let core = "DifferentiableSolvers".product

extension String {
    /// A product of the root package.
    var product: Target.Dependency { .product(name: self, package: "DifferentiableSolvers") }
}

let package = Package(
    name: "DifferentiableSolversBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "DifferentiableSolvers", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The layer-overhead workload, shared by CoreBenchmarks and the callgrind profile.
        .target(name: "LayerOverheadWorkload", dependencies: [core, "CombinatorialSolvers".product],
                path: "Shared/LayerOverheadWorkload", swiftSettings: [.swiftLanguageMode(.v6)]),
        // One pass of that workload for callgrind: Profiling/layer-overhead.sh.
        .executableTarget(name: "LayerOverheadProfile", dependencies: ["LayerOverheadWorkload", core, "CombinatorialSolvers".product],
                          path: "Profiling/LayerOverheadProfile", swiftSettings: [.swiftLanguageMode(.v6)]),
        benchmark("CoreBenchmarks", [core, "CombinatorialSolvers".product, "LayerOverheadWorkload"]),
        benchmark("SolverBenchmarks", [core, "CombinatorialSolvers".product]),
        benchmark("GLPKBenchmarks", [core, "GLPKSolver".product]),
        benchmark("GraphCutBenchmarks", [core, "GraphCutSolver".product]),
        benchmark("TensorBenchmarks", [core, "TensorLayers".product]),
    ]
)
