@testable import DifferentiableSolversC
import DifferentiableSolvers
import Foundation
import DsolveCore
import SolverRegistry
import Testing
import _TestSupport

/// The layer through the C ABI is the Swift layer: the same samples, gradients and adaptive
/// state, bit for bit, whatever the thread counts.
@Suite("C ABI: the layer, bit for bit the Swift layer's")
struct ABILayerTests {
    @Test("forward, backward and state equal the Swift layer's (ABI on 2 threads, Swift on 1)",
          arguments: ReferenceCase.all.indices)
    func matchesSwiftLayer(index: Int) throws {
        let reference = ReferenceCase.all[index]
        let expected = try reference.recorded()
        let layer = try reference.abiLayer(threads: 2)
        defer { _ = ds_layer_free(layer) }
        for (number, step) in expected.steps.enumerated() {
            let theta = Matrix(rows: step.rows, columns: step.columns, values: step.theta.map(Float.init(bitPattern:)))
            let (z, tape) = try ABIClient.forward(layer, theta, samples: reference.settings.samples, mean: reference.settings.mean)
            defer { _ = ds_tape_free(tape) }
            #expect(z.values.map(\.bitPattern) == step.z, "\(reference.settings.estimator), step \(number): z")
            let upstream = Matrix(rows: z.rows, columns: z.columns, values: step.dldz.map(Float.init(bitPattern:)))
            let gradient = try ABIClient.backward(layer, tape, upstream, thetaShape: (theta.rows, theta.columns))
            #expect(gradient.values.map(\.bitPattern) == step.gradient, "\(reference.settings.estimator), step \(number): ∂L/∂θ")
        }
        #expect(expected.steps.dropFirst().contains { $0.gradient.contains { $0 != 0 } },
                "\(reference.settings.estimator): all gradients zero, so the comparison cannot tell")
        let state = try ABIClient.string { ds_layer_state(layer, $0) }
        #expect(try JSONDecoder().decode(LayerCheckpoint.self, from: Data(state.utf8)) == expected.state)
    }

    @Test("a restored state continues exactly where the saved layer goes on")
    func restoredStateContinues() throws {
        let (reference, domain) = (ReferenceCase.all[0], try ReferenceCase.all[0].domain())
        let saved = try reference.abiLayer(threads: 1), restored = try reference.abiLayer(threads: 1)
        defer { _ = ds_layer_free(saved); _ = ds_layer_free(restored) }
        func step(_ layer: UInt64, _ index: Int) throws -> [UInt32] {
            let theta = reference.theta(step: index, columns: 9, domain: domain)
            let (z, tape) = try ABIClient.forward(layer, theta, samples: reference.settings.samples)
            defer { _ = ds_tape_free(tape) }
            let gradient = try ABIClient.backward(layer, tape, ReferenceCase.upstream(z), thetaShape: (theta.rows, theta.columns))
            return (z.values + gradient.values).map(\.bitPattern)
        }
        for index in 0..<4 { _ = try step(saved, index) }
        let state = try ABIClient.string { ds_layer_state(saved, $0) }
        #expect(state.contains(#""step":4"#))
        let fresh = try step(restored, 4)
        try ABIClient.check(ds_layer_restore_state(restored, state))
        let continued = try step(restored, 4), original = try step(saved, 4)
        #expect(continued == original)
        #expect(fresh != original, "without the state the fifth step differs, so the comparison can fail")
        #expect(try ABIClient.string { ds_layer_state(restored, $0) } == ABIClient.string { ds_layer_state(saved, $0) })
    }

    @Test("restoring the state before a backward pass and advancing it with the pass's own signal is the pass's own step")
    func advanceWithOwnSignal() throws {
        let (reference, domain) = (ReferenceCase.all[0], try ReferenceCase.all[0].domain())
        let plain = try reference.abiLayer(threads: 1), merged = try reference.abiLayer(threads: 1)
        defer { _ = ds_layer_free(plain); _ = ds_layer_free(merged) }
        for index in 0..<4 {
            let theta = reference.theta(step: index, columns: 9, domain: domain)
            let (z, plainTape) = try ABIClient.forward(plain, theta, samples: reference.settings.samples)
            let (_, mergedTape) = try ABIClient.forward(merged, theta, samples: reference.settings.samples)
            defer { _ = ds_tape_free(plainTape); _ = ds_tape_free(mergedTape) }
            let upstream = ReferenceCase.upstream(z)
            let expected = try ABIClient.backward(plain, plainTape, upstream, thetaShape: (theta.rows, theta.columns))
            let before = try ABIClient.string { ds_layer_state(merged, $0) }
            var gradient = [Float](repeating: 0, count: theta.values.count)
            var statistics = [Double](repeating: -7, count: 5)
            try ABIClient.check(ds_layer_backward_with_statistics(merged, mergedTape, upstream.values, Int64(upstream.values.count),
                                                                  nil, 0, &gradient, Int64(gradient.count), &statistics))
            #expect(gradient == expected.values)
            #expect(statistics[2] == Double(theta.rows * reference.settings.samples), "every sample informative")
            #expect(statistics[4] == (try JSONDecoder().decode(LayerCheckpoint.self, from: Data(before.utf8))).adaptive.alpha)
            try ABIClient.check(ds_layer_restore_state(merged, before))
            try ABIClient.check(ds_layer_advance_adaptive(merged, statistics[1]))
            #expect(try ABIClient.string { ds_layer_state(merged, $0) } == ABIClient.string { ds_layer_state(plain, $0) })
        }
    }

    @Test("solutions through the ABI are the registry solver's, on any number of threads")
    func solveMatchesRegistry() throws {
        let registry = try DefaultSolverRegistry.make()
        for (name, instance) in smallInstances.sorted(by: { $0.key < $1.key }) {
            let solver = try ABIClient.makeSolver(name, String(decoding: try JSONEncoder().encode(instance.options), as: UTF8.self))
            defer { _ = ds_solver_free(solver) }
            let swift = try registry.makeSolver(named: name, options: instance.options)
            var generator = SeededGenerator(seed: 5)
            let theta = Matrix(stacking: (0..<40).map { _ in swift.parameterDomain.randomValues(count: instance.variables, using: &generator) })
            let expected = try swift.solveBatch(theta, parallelism: .serial)
            #expect(try ABIClient.solve(solver, theta, threads: 1) == expected, "\(name)")
            #expect(try ABIClient.solve(solver, theta, threads: 2) == expected, "\(name), 2 threads")
            var count: Int64 = 0
            try ABIClient.check(ds_solver_variable_count(solver, &count))
            #expect(count == Int64(swift.variableCount ?? -1))
        }
    }

    @Test("list and describe are the registry's descriptions")
    func catalogue() throws {
        let registry = try DefaultSolverRegistry.make()
        let list = try ABIClient.string { ds_solvers_list($0) }
        #expect(try JSONDecoder().decode([SolverDescription].self, from: Data(list.utf8)) == registry.descriptions)
        let one = try ABIClient.string { ds_solver_describe("top-k", $0) }
        #expect(try JSONDecoder().decode(SolverDescription.self, from: Data(one.utf8)) == registry.description(of: "top-k"))
        #expect(ds_abi_version() == 1)
    }
}

extension ReferenceCase {
    /// The values the case's solver takes for θ.
    func domain() throws -> ParameterDomain { try swiftLayer(threads: 1).solver.parameterDomain }

    /// The layer made through the ABI from the case's strings.
    func abiLayer(threads: Int64) throws(ABIFailure) -> UInt64 {
        let layer = try ABIClient.makeLayer(settings.solver, settings.optionsText, estimator: settings.estimator,
                                            noise: settings.noise, samples: Int64(settings.samples), seed: settings.seed,
                                            threads: threads)
        if var floor = settings.floor {
            try ABIClient.check(ds_layer_set_perturbation_floor(layer, &floor))
        }
        if let initialState {
            let text = String(decoding: (try? JSONEncoder().encode(initialState)) ?? Data(), as: UTF8.self)
            try ABIClient.check(ds_layer_restore_state(layer, text))
        }
        return layer
    }
}
