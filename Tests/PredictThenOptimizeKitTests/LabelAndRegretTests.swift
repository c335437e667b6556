import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import GLPKSolver
import PredictThenOptimizeKit
import _TestSupport
import Testing
import _ExampleSupport

@Suite("optimal labels, regret and .npy files")
struct LabelAndRegretTests {
    static func gridPaths(rows: Int, columns: Int) throws -> (GraphShortestPath, [[Float]]) {
        let solver = try GraphShortestPath.directedGrid(rows: rows, columns: columns)
        let arcs = solver.arcs.map { ($0.source, $0.target) }
        return (solver, GraphEnumeration.simplePathArcIndicators(vertexCount: rows * columns, arcs: arcs,
                                                                  from: 0, to: rows * columns - 1))
    }

    @Test("shortest-path labels are optimal over all 20 monotone paths of a 4 × 4 grid")
    func shortestPathLabels() throws {
        let (solver, paths) = try Self.gridPaths(rows: 4, columns: 4)
        #expect(paths.count == 20)                                   // C(6, 3)
        let pairs = try ShortestPathGenerator(instances: 200, features: 5, rows: 4, columns: 4, degree: 4,
                                              noiseWidth: 0.5, seed: 11).generate()
        let data = try DecisionDataset(features: pairs.features, costs: pairs.costs, solver: solver)
        for i in 0..<data.count {
            let truth = BruteForce.optimum(of: data.costs.row(i), over: paths, sense: .minimize)
            #expect(isApproximatelyEqual(Double(data.objectives[i]), truth.value, relative: 1e-5))
            #expect(paths.contains(data.solutions.row(i)))
        }
    }

    @Test("knapsack labels are optimal against enumeration, for the ILP and the dynamic program")
    func knapsackLabels() throws {
        for resources in [1, 2] {
            let generated = try KnapsackGenerator(instances: 40, features: 5, items: 12, dimensions: resources, degree: 2,
                                                  noiseWidth: 0.5, seed: UInt64(20 + resources)).generate()
            let hundredths = generated.weightHundredths
            let weights = (0..<resources).map { r in hundredths.row(r).map { Int($0) } }
            var solvers: [any MAPSolver] = [try KnapsackSolvers.integerProgram(weightHundredths: hundredths, capacity: 15)]
            if resources == 1 { solvers.append(try KnapsackSolvers.dynamicProgram(weightHundredths: hundredths, capacity: 15)) }
            for solver in solvers {
                let data = try DecisionDataset(features: generated.pairs.features, costs: generated.pairs.costs, solver: solver)
                for i in 0..<data.count {
                    let truth = ILPBruteForce.knapsackOptimum(theta: data.costs.row(i), weights: weights,
                                                              capacities: Array(repeating: 1500, count: resources))
                    #expect(isApproximatelyEqual(Double(data.objectives[i]), truth, relative: 1e-6))
                    for r in 0..<resources {
                        let load = zip(data.solutions.row(i), weights[r]).reduce(0) { $0 + Int($1.0) * $1.1 }
                        #expect(load <= 1500)
                    }
                }
            }
        }
        #expect(throws: ExampleError.self) {
            try KnapsackSolvers.dynamicProgram(weightHundredths: Matrix(rows: 2, columns: 3, repeating: 300), capacity: 10)
        }
    }

    @Test("regret is zero for the true costs and matches enumeration for random predictions")
    func regret() throws {
        let (solver, paths) = try Self.gridPaths(rows: 3, columns: 3)
        let pairs = try ShortestPathGenerator(instances: 100, features: 4, rows: 3, columns: 3, degree: 2,
                                              noiseWidth: 0.3, seed: 5).generate()
        let data = try DecisionDataset(features: pairs.features, costs: pairs.costs, solver: solver)
        #expect(try DecisionRegret.normalized(predicted: data.costs, data: data, solver: solver) == 0)
        var generator = SeededGenerator(seed: 99)
        let predicted = Matrix(rows: 100, columns: 12, values: (0..<1200).map { _ in Float(generator.nextUniform()) })
        var total = 0.0, scale = 0.0
        for i in 0..<100 {
            let decision = BruteForce.optimum(of: predicted.row(i), over: paths, sense: .minimize).optimalStates[0]
            let optimum = BruteForce.optimum(of: data.costs.row(i), over: paths, sense: .minimize).value
            total += BruteForce.objective(decision, data.costs.row(i)) - optimum
            scale += abs(optimum)
        }
        let measured = try DecisionRegret.normalized(predicted: predicted, data: data, solver: solver)
        #expect(measured > 0.05)
        #expect(isApproximatelyEqual(measured, total / scale, relative: 1e-5))
        // Maximisation flips the sign: the regret of a worse knapsack is positive.
        let regrets = DecisionRegret.regrets(decisions: Matrix(rows: 1, columns: 2, values: [1, 0]),
                                             costs: Matrix(rows: 1, columns: 2, values: [3, 5]), objectives: [5], sense: .maximize)
        #expect(regrets == [2])
    }

    @Test(".npy round trip in PyEPO's layout, and labels recomputed when only x and c are given")
    func numPyRoundTrip() throws {
        let solver = try GraphShortestPath.directedGrid(rows: 5, columns: 5)
        let pairs = try ShortestPathGenerator(instances: 30, features: 5, degree: 4, noiseWidth: 0.5, seed: 8).generate()
        let data = try DecisionDataset(features: pairs.features, costs: pairs.costs, solver: solver)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pto-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try data.write(to: folder)
        let back = try DecisionDataset.read(from: folder, solver: solver)
        #expect(back.features == data.features && back.costs == data.costs)
        #expect(back.solutions == data.solutions && back.objectives == data.objectives)
        let z = try DecisionDataset.loadMatrix(folder.appendingPathComponent("z.npy"))
        #expect(z.rows == 30 && z.columns == 1)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("w.npy"))
        let relabelled = try DecisionDataset.read(from: folder, solver: solver)
        #expect(relabelled.solutions == data.solutions && relabelled.objectives == data.objectives)
        #expect(throws: ExampleError.self) {
            try DecisionDataset.read(from: folder.appendingPathComponent("missing"), solver: solver)
        }
    }
}
