// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

// `_Differentiation` (a toolchain with differentiable Swift) is required by TensorLayers and
// everything built on it (the examples and their tests). DifferentiableSolversAutoDiff does not
// require it: every file of it and of its tests is guarded by `#if canImport(_Differentiation)`,
// so the module is empty on a toolchain without it. The core and the solvers never import it.

let package = Package(
    name: "DifferentiableSolvers",
    platforms: [.macOS(.v15)],
    products: [
        // MARK: - Public products
        .library(name: "DifferentiableSolvers", targets: ["DifferentiableSolvers"]),
        .library(name: "KindedErrors", targets: ["KindedErrors"]),
        .library(name: "SolverRegistry", targets: ["SolverRegistry"]),
        .library(name: "EstimatorStudies", targets: ["EstimatorStudies"]),
        .library(name: "CombinatorialSolvers", targets: ["CombinatorialSolvers"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "GraphCutSolver", targets: ["GraphCutSolver"]),
        .library(name: "DifferentiableSolversAutoDiff", targets: ["DifferentiableSolversAutoDiff"]),
        .library(name: "TensorLayers", targets: ["TensorLayers"]),
        .executable(name: "GradientFidelity", targets: ["GradientFidelity"]),
        .library(name: "SolverConformance", targets: ["SolverConformance"]),
        .library(name: "NumPyFormat", targets: ["NumPyFormat"]),
        .executable(name: "dsolve", targets: ["dsolve"]),
        .library(name: "DifferentiableSolversC", type: .dynamic, targets: ["DifferentiableSolversC"]),
        .plugin(name: "NewSolver", targets: ["NewSolver"]),
        .executable(name: "WarcraftShortestPath", targets: ["WarcraftShortestPath"]),
        .executable(name: "PredictThenOptimize", targets: ["PredictThenOptimize"]),
        .executable(name: "DiscreteVAE", targets: ["DiscreteVAE"]),
        .executable(name: "SemiSupervisedVAE", targets: ["SemiSupervisedVAE"]),
        .executable(name: "LatentGraphs", targets: ["LatentGraphs"]),
        .executable(name: "LearningToExplain", targets: ["LearningToExplain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Errors: the one error type every module specialises with its own kinds
        .target(name: "KindedErrors", swiftSettings: strict),

        // MARK: - Core
        .target(name: "CNoiseKernels"),
        .target(name: "DifferentiableSolvers", dependencies: ["KindedErrors", "CNoiseKernels"], swiftSettings: strict),

        // MARK: - Study tooling: exact references for gradient estimators
        .target(name: "EstimatorStudies", dependencies: ["DifferentiableSolvers"], swiftSettings: strict),

        // MARK: - Registry: names → solvers
        .target(name: "SolverRegistry", dependencies: ["KindedErrors", "DifferentiableSolvers"], swiftSettings: strict),

        // MARK: - Solvers
        .target(name: "CombinatorialSolvers", dependencies: ["DifferentiableSolvers", "SolverRegistry"], swiftSettings: strict),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKShim", dependencies: ["CGLPK"]),
        .target(name: "GLPKSolver", dependencies: ["KindedErrors", "DifferentiableSolvers", "SolverRegistry", "CGLPK", "CGLPKShim"], swiftSettings: strict),
        .target(name: "CMaxflow"),
        .target(name: "GraphCutSolver", dependencies: ["DifferentiableSolvers", "SolverRegistry", "CMaxflow"], swiftSettings: strict),

        // MARK: - Automatic differentiation (on the core's types; no tensors, no BLAS)
        .target(name: "DifferentiableSolversAutoDiff", dependencies: ["DifferentiableSolvers"], swiftSettings: strict),

        // MARK: - Tensors for the examples (with the Tensor overload of the AutoDiff bridge)
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .target(
            name: "TensorLayers",
            dependencies: ["KindedErrors", "DifferentiableSolvers", "DifferentiableSolversAutoDiff", "COpenBLAS"],
            swiftSettings: strict
        ),


        // MARK: - Tools: conformance kit, .npy files, command line, scaffolding
        .target(name: "SolverConformance", dependencies: ["DifferentiableSolvers"], swiftSettings: strict),
        .target(name: "NumPyFormat", dependencies: ["KindedErrors"], swiftSettings: strict),
        .target(
            name: "DsolveCore",
            dependencies: [
                "DifferentiableSolvers", "SolverRegistry", "CombinatorialSolvers", "GLPKSolver", "GraphCutSolver", "NumPyFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "dsolve", dependencies: ["DsolveCore"], swiftSettings: strict),

        // MARK: - C ABI: the registry and the layer for C and Python (python/ loads it)
        .target(
            name: "DifferentiableSolversC",
            dependencies: ["DifferentiableSolvers", "SolverRegistry", "DsolveCore"],
            exclude: ["include"],
            swiftSettings: strict
        ),
        .plugin(
            name: "NewSolver",
            capability: .command(
                intent: .custom(verb: "new-solver", description: "Scaffold a solver target, its registration and its conformance tests"),
                permissions: [.writeToPackageDirectory(reason: "adds Sources/<Name>, Tests/<Name>Tests and two targets to Package.swift")]
            )
        ),

        // MARK: - Examples
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "_ExampleSupport",
            dependencies: ["KindedErrors", "DifferentiableSolvers", "CZlib", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "GradientFidelity",
            dependencies: [
                "DifferentiableSolvers", "EstimatorStudies", "CombinatorialSolvers", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/GradientFidelity",
            swiftSettings: strict
        ),

        // MARK: - Warcraft shortest path
        .target(
            name: "WarcraftShortestPathKit",
            dependencies: ["EstimatorStudies", "DifferentiableSolvers", "CombinatorialSolvers", "NumPyFormat", "TensorLayers", "_ExampleSupport"],
            path: "Examples/WarcraftShortestPathKit",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "WarcraftShortestPath",
            dependencies: [
                "WarcraftShortestPathKit", "DifferentiableSolvers", "CombinatorialSolvers", "TensorLayers", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/WarcraftShortestPath",
            exclude: ["RESULTS.md", "results", "reference"],
            swiftSettings: strict
        ),

        // MARK: - Predict-then-optimise example
        .target(
            name: "PredictThenOptimizeKit",
            dependencies: ["DifferentiableSolvers", "CombinatorialSolvers", "GLPKSolver", "TensorLayers", "NumPyFormat", "_ExampleSupport"],
            path: "Examples/PredictThenOptimizeKit",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "PredictThenOptimize",
            dependencies: [
                "PredictThenOptimizeKit", "DifferentiableSolvers", "CombinatorialSolvers", "GLPKSolver", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/PredictThenOptimize",
            swiftSettings: strict
        ),

        // MARK: - DiscreteVAE example
        .target(
            name: "DiscreteVAEKit",
            dependencies: ["EstimatorStudies", "DifferentiableSolvers", "CombinatorialSolvers", "GraphCutSolver", "GLPKSolver", "TensorLayers", "_ExampleSupport"],
            path: "Examples/DiscreteVAEKit",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "DiscreteVAE",
            dependencies: [
                "DiscreteVAEKit", "DifferentiableSolvers", "TensorLayers", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/DiscreteVAE",
            exclude: ["RESULTS.md", "results"],
            swiftSettings: strict
        ),

        // MARK: - SemiSupervisedVAE example
        .target(
            name: "SemiSupervisedVAEKit",
            dependencies: ["DiscreteVAEKit", "DifferentiableSolvers", "CombinatorialSolvers", "TensorLayers", "_ExampleSupport"],
            path: "Examples/SemiSupervisedVAEKit",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SemiSupervisedVAE",
            dependencies: [
                "SemiSupervisedVAEKit", "DiscreteVAEKit", "DifferentiableSolvers", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/SemiSupervisedVAE",
            exclude: ["RESULTS.md", "results"],
            swiftSettings: strict
        ),

        // MARK: - LatentGraphs example
        .target(
            name: "LatentGraphsKit",
            dependencies: ["EstimatorStudies", "DifferentiableSolvers", "CombinatorialSolvers", "TensorLayers", "NumPyFormat", "_ExampleSupport"],
            path: "Examples/LatentGraphsKit",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "LatentGraphs",
            dependencies: [
                "LatentGraphsKit", "DifferentiableSolvers", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/LatentGraphs",
            exclude: ["RESULTS.md", "results", "reference"],
            swiftSettings: strict
        ),

        // MARK: - LearningToExplain example
        .target(
            name: "LearningToExplainKit",
            dependencies: ["DifferentiableSolvers", "CombinatorialSolvers", "TensorLayers", "LatentGraphsKit", "_ExampleSupport"],
            path: "Examples/LearningToExplainKit",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "LearningToExplain",
            dependencies: [
                "LearningToExplainKit", "DifferentiableSolvers", "_ExampleSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/LearningToExplain",
            exclude: ["RESULTS.md", "results"],
            swiftSettings: strict
        ),

        // MARK: - Test support and tests
        .target(name: "_TestSupport", dependencies: ["DifferentiableSolvers", "SolverRegistry", "SolverConformance"], swiftSettings: strict),
        .testTarget(name: "KindedErrorsTests", dependencies: ["KindedErrors"], swiftSettings: strict),
        .testTarget(
            name: "DifferentiableSolversTests",
            dependencies: ["EstimatorStudies", "DifferentiableSolvers", "CombinatorialSolvers", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CombinatorialSolversTests",
            dependencies: ["CombinatorialSolvers", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "GLPKSolverTests",
            dependencies: ["GLPKSolver", "CombinatorialSolvers", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "GraphCutSolverTests",
            dependencies: ["GraphCutSolver", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DifferentiableSolversAutoDiffTests",
            dependencies: ["DifferentiableSolversAutoDiff", "CombinatorialSolvers"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TensorLayersTests",
            dependencies: ["TensorLayers", "DifferentiableSolvers", "DifferentiableSolversAutoDiff", "CombinatorialSolvers", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SolverRegistryTests",
            dependencies: ["DifferentiableSolvers", "SolverRegistry", "CombinatorialSolvers"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SolverConformanceTests",
            dependencies: ["SolverConformance", "SolverRegistry", "CombinatorialSolvers"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NumPyFormatTests",
            dependencies: ["NumPyFormat"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DsolveTests",
            dependencies: ["DsolveCore", "DifferentiableSolvers", "SolverRegistry", "CombinatorialSolvers", "NumPyFormat", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DifferentiableSolversCTests",
            dependencies: ["DifferentiableSolversC", "DifferentiableSolvers", "SolverRegistry", "DsolveCore", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "DsolveCore", "DifferentiableSolvers", "SolverRegistry", "CombinatorialSolvers", "GLPKSolver", "GraphCutSolver", "_TestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WarcraftShortestPathKitTests",
            dependencies: ["WarcraftShortestPathKit", "_ExampleSupport", "CombinatorialSolvers", "NumPyFormat", "TensorLayers"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PredictThenOptimizeKitTests",
            dependencies: ["PredictThenOptimizeKit", "DifferentiableSolvers", "CombinatorialSolvers", "GLPKSolver", "_ExampleSupport", "_TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DiscreteVAEKitTests",
            dependencies: ["EstimatorStudies", "DiscreteVAEKit", "DifferentiableSolvers", "GraphCutSolver", "TensorLayers", "CZlib", "_ExampleSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SemiSupervisedVAEKitTests",
            dependencies: ["SemiSupervisedVAEKit", "DiscreteVAEKit", "DifferentiableSolvers", "CombinatorialSolvers", "TensorLayers", "_ExampleSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ExampleCommandTests",
            dependencies: [
                "GradientFidelity", "LatentGraphs", "DiscreteVAE", "PredictThenOptimize", "WarcraftShortestPath", "LearningToExplain",
                "SemiSupervisedVAE",
                "_ExampleSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LearningToExplainKitTests",
            dependencies: ["LearningToExplainKit", "DifferentiableSolvers", "CombinatorialSolvers", "_ExampleSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LatentGraphsKitTests",
            dependencies: ["EstimatorStudies", "LatentGraphsKit", "DifferentiableSolvers", "CombinatorialSolvers", "_ExampleSupport"],
            swiftSettings: strict
        ),
    ],
    cxxLanguageStandard: .cxx17
)
