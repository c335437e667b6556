import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-solver --name MySolver
/// [--registry-name my-solver]`
///
/// Scaffolds a solver target (a documented `MAPSolver` skeleton and its registration
/// function) and a test target that runs the conformance kit on it, and adds both targets
/// to Package.swift. The skeleton writes zeros, so the generated test fails until the
/// solver is implemented.
@main
struct NewSolver: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        guard let name = extractor.extractOption(named: "name").last else {
            throw ScaffoldError("missing --name: new-solver --name MySolver [--registry-name my-solver]")
        }
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first),
              name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
            throw ScaffoldError("--name must be a type name: an uppercase letter followed by letters and digits, got '\(name)'")
        }
        let registryName = extractor.extractOption(named: "registry-name").last ?? Self.kebabCase(name)
        if let unknown = extractor.remainingArguments.first {
            throw ScaffoldError("unexpected argument '\(unknown)'")
        }

        let root = context.package.directoryURL
        let sources = root.appending(path: "Sources/\(name)")
        let tests = root.appending(path: "Tests/\(name)Tests")
        let manager = FileManager.default
        for directory in [sources, tests] where manager.fileExists(atPath: directory.path) {
            throw ScaffoldError("\(directory.path) already exists; choose another --name")
        }
        if context.package.targets.contains(where: { $0.name == name || $0.name == "\(name)Tests" }) {
            throw ScaffoldError("the package already has a target named \(name) or \(name)Tests")
        }

        let templates = Templates(name: name, registryName: registryName)
        try manager.createDirectory(at: sources, withIntermediateDirectories: true)
        try manager.createDirectory(at: tests, withIntermediateDirectories: true)
        try templates.solver.write(to: sources.appending(path: "\(name).swift"), atomically: true, encoding: .utf8)
        try templates.registration.write(to: sources.appending(path: "\(name)+Registry.swift"), atomically: true, encoding: .utf8)
        try templates.tests.write(to: tests.appending(path: "\(name)Tests.swift"), atomically: true, encoding: .utf8)

        let manifest = root.appending(path: "Package.swift")
        let current = try String(contentsOf: manifest, encoding: .utf8)
        let dependency = Self.dependencyReferences(in: context.package)
        try (current + templates.manifestAddition(core: dependency.core, registry: dependency.registry, conformance: dependency.conformance))
            .write(to: manifest, atomically: true, encoding: .utf8)

        print("""
            Created Sources/\(name)/\(name).swift, Sources/\(name)/\(name)+Registry.swift and \
            Tests/\(name)Tests/\(name)Tests.swift, and added targets \(name) and \(name)Tests to Package.swift.
            Next: `swift test --filter \(name)Tests` fails until you implement \(name).solve and \
            replace the placeholder enumerator of feasible states in the test.
            To use it from dsolve, add `register\(name)` to DefaultSolverRegistry.registrationFunctions.
            """)
    }

    /// How the generated targets name the core, the registry and the conformance kit: plain
    /// target names inside this package, product references from a package that depends on it.
    static func dependencyReferences(in package: Package) -> (core: String, registry: String, conformance: String) {
        if package.targets.contains(where: { $0.name == "DifferentiableSolvers" }) {
            return (#""DifferentiableSolvers""#, #""SolverRegistry""#, #""SolverConformance""#)
        }
        let owner = package.dependencies.first { dependency in
            dependency.package.products.contains { $0.name == "DifferentiableSolvers" }
        }
        let identity = owner?.package.id ?? "differentiablesolvers"
        return (#".product(name: "DifferentiableSolvers", package: "\#(identity)")"#,
                #".product(name: "SolverRegistry", package: "\#(identity)")"#,
                #".product(name: "SolverConformance", package: "\#(identity)")"#)
    }

    /// "MySolver" → "my-solver".
    static func kebabCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase, !result.isEmpty { result += "-" }
            result += character.lowercased()
        }
        return result
    }
}

/// A scaffolding failure, shown by SwiftPM.
struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
