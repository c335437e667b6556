@testable import DifferentiableSolversC
import DifferentiableSolvers
import SolverRegistry

/// The contents of `python/tests/fixtures/layer_reference.json`; floats as their IEEE 754 bit
/// patterns.
struct PythonReference: Codable, Equatable {
    /// One forward and backward pass.
    struct Step: Codable, Equatable {
        var rows: Int
        var columns: Int
        var theta: [UInt32]
        var z: [UInt32]
        var dldz: [UInt32]
        var gradient: [UInt32]
    }

    /// A layer configuration and its passes.
    struct Case: Codable, Equatable {
        var settings: LayerSettings
        /// The state to restore before the first pass, if any.
        var initial: LayerCheckpoint?
        var steps: [Step]
        var state: LayerCheckpoint
    }

    var cases: [Case]
}

extension ReferenceCase {
    /// Three forward and backward passes of the Swift layer the case describes (on one thread),
    /// with ∂L/∂z from ``upstream(_:)``.
    func recorded() throws -> PythonReference.Case {
        var layer = try swiftLayer(threads: 1)
        let columns = layer.solver.variableCount ?? 5
        var steps: [PythonReference.Step] = []
        for step in 0..<3 {
            let theta = theta(step: step, columns: columns, domain: layer.solver.parameterDomain)
            let (z, tape) = try layer.forward(theta, output: settings.mean ? .mean : .perSample)
            let upstream = Self.upstream(z)
            let gradient = try layer.backward(upstream, tape)
            steps.append(PythonReference.Step(rows: theta.rows, columns: theta.columns, theta: theta.values.map(\.bitPattern),
                                              z: z.values.map(\.bitPattern), dldz: upstream.values.map(\.bitPattern),
                                              gradient: gradient.values.map(\.bitPattern)))
        }
        return PythonReference.Case(settings: settings, initial: initialState, steps: steps,
                                    state: LayerCheckpoint(step: layer.step, adaptive: layer.adaptiveState.snapshot))
    }
}
