// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "DifferentiableSolvers",
    platforms: [.macOS(.v15)],
    products: [
        // MARK: - Public products
        .library(name: "DifferentiableSolvers", targets: ["DifferentiableSolvers"]),
        .library(name: "CombinatorialSolvers", targets: ["CombinatorialSolvers"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "GraphCutSolver", targets: ["GraphCutSolver"]),
        .library(name: "TensorLayers", targets: ["TensorLayers"]),
        .executable(name: "GradientFidelity", targets: ["GradientFidelity"]),
    ],
    targets: [
        // MARK: - Core
        .target(name: "DifferentiableSolvers", swiftSettings: strict),

        // MARK: - Solvers
        .target(name: "CombinatorialSolvers", dependencies: ["DifferentiableSolvers"], swiftSettings: strict),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKShim", dependencies: ["CGLPK"]),
        .target(name: "GLPKSolver", dependencies: ["DifferentiableSolvers", "CGLPK", "CGLPKShim"], swiftSettings: strict),
        .target(name: "CMaxflow"),
        .target(name: "GraphCutSolver", dependencies: ["DifferentiableSolvers", "CMaxflow"], swiftSettings: strict),

        // MARK: - Tensors for the examples
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .target(name: "TensorLayers", dependencies: ["COpenBLAS"], swiftSettings: strict),

        // MARK: - Examples
        .executableTarget(
            name: "GradientFidelity",
            dependencies: ["DifferentiableSolvers", "CombinatorialSolvers"],
            path: "Examples/GradientFidelity",
            swiftSettings: strict
        ),

        // MARK: - Test support and tests
        .target(name: "_TestSupport", dependencies: ["DifferentiableSolvers"], swiftSettings: strict),
        .testTarget(
            name: "DifferentiableSolversTests",
            dependencies: ["DifferentiableSolvers", "CombinatorialSolvers", "_TestSupport"],
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
            name: "TensorLayersTests",
            dependencies: ["TensorLayers"],
            swiftSettings: strict
        ),
    ],
    cxxLanguageStandard: .cxx17
)
