import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import PredictThenOptimizeKit
import _ExampleSupport

/// The decision problems of the benchmark.
enum BenchmarkProblem: String, CaseIterable {
    case shortestPath = "shortest-path"
    case knapsack
}

/// Data sizes shared by both problems.
struct BenchmarkScale {
    var train: Int
    var test: Int
    var features: Int
    var degree: Int
    var noiseWidth: Double
    var epochs: Int
    var seeds: Int
    var dataSeed: UInt64
}

/// One problem's data and oracle, and the loop over methods and seeds.
struct BenchmarkSetup {
    let problem: BenchmarkProblem
    let scale: BenchmarkScale
    let grid: Int
    let items: Int
    let resources: Int
    let capacity: Double
    let knapsackSolver: String
    let dataFolder: URL?
    let saveFolder: URL?

    var title: String {
        switch problem {
        case .shortestPath: "Shortest path, \(grid) × \(grid) grid"
        case .knapsack:
            "Knapsack, \(items) items, \(resources) resource\(resources == 1 ? "" : "s"), capacity \(capacity) (\(knapsackSolver == "dp" ? "dynamic programming" : "GLPK ILP"))"
        }
    }

    func describe(trainer: DecisionTrainer) -> String {
        let source = dataFolder.map { "data from \($0.path)" }
            ?? "\(scale.train) train / \(scale.test) test, p = \(scale.features), deg \(scale.degree), noise \(scale.noiseWidth)"
        return "\(source), \(trainer.epochs) epochs, batch \(trainer.batchSize), Adam lr \(trainer.learningRate), \(scale.seeds) seed(s)"
    }

    func run(methods: [TrainingMethod], trainer: DecisionTrainer) throws -> [TrainingRun] {
        switch problem {
        case .shortestPath:
            let solver = try GraphShortestPath.directedGrid(rows: grid, columns: grid)
            return try loop(methods: methods, trainer: trainer, solverFor: { _ in solver }) { seed throws in
                let pairs = try ShortestPathGenerator(instances: scale.train + scale.test, features: scale.features,
                                                      rows: grid, columns: grid, degree: scale.degree,
                                                      noiseWidth: scale.noiseWidth, seed: seed).generate()
                return (pairs, nil)
            }
        case .knapsack:
            let weights: Matrix
            var generated: KnapsackData?
            if let dataFolder {
                let raw = try DecisionDataset.loadMatrix(dataFolder.appendingPathComponent("knapsack/weights.npy"))
                weights = Matrix(rows: raw.rows, columns: raw.columns, values: raw.values.map { ($0 * 100).rounded() })
            } else {
                let data = try knapsackData(seed: scale.dataSeed)
                generated = data
                weights = data.weightHundredths
            }
            let first = generated
            let generate: (UInt64) throws -> (FeatureCostPairs, Matrix?) = { seed in
                let data = try first.flatMap { seed == scale.dataSeed ? $0 : nil } ?? knapsackData(seed: seed)
                return (data.pairs, data.weightHundredths)
            }
            if knapsackSolver == "dp" {
                return try loop(methods: methods, trainer: trainer, solverFor: {
                    try KnapsackSolvers.dynamicProgram(weightHundredths: $0 ?? weights, capacity: capacity)
                }, generate: generate)
            }
            return try loop(methods: methods, trainer: trainer, solverFor: {
                try KnapsackSolvers.integerProgram(weightHundredths: $0 ?? weights, capacity: capacity)
            }, generate: generate)
        }
    }

    func knapsackData(seed: UInt64) throws -> KnapsackData {
        try KnapsackGenerator(instances: scale.train + scale.test, features: scale.features, items: items,
                              dimensions: resources, degree: scale.degree, noiseWidth: scale.noiseWidth, seed: seed).generate()
    }

    /// Runs every method for every seed. Each seed draws its own data (seed `dataSeed + s`)
    /// and, for knapsack, its own weights (so its own solver); read data is shared.
    /// `solverFor(weights)` builds the oracle for a seed's knapsack weights (`nil`: read data).
    func loop<Solver: MAPSolver>(methods: [TrainingMethod], trainer: DecisionTrainer,
                                 solverFor: (Matrix?) throws -> Solver,
                                 generate: (UInt64) throws -> (FeatureCostPairs, Matrix?)) throws -> [TrainingRun] {
        let batches = (scale.train + trainer.batchSize - 1) / trainer.batchSize
        let progress = ProgressBar(problem.rawValue, total: methods.count * scale.seeds * trainer.epochs * batches)
        var runs: [TrainingRun] = []
        for s in 0..<scale.seeds {
            let seed = scale.dataSeed + UInt64(s)
            let (training, test, seedSolver) = try datasets(seed: seed, solverFor: solverFor, generate: generate)
            for method in methods {
                let run = try trainer.train(method, solver: seedSolver, training: training, test: test, seed: seed) { loss in
                    progress.advance(note: String(format: "%@ seed %d loss %.4f", method.rawValue, s, loss))
                }
                runs.append(run)
            }
        }
        progress.finish()
        return runs
    }

    func datasets<Solver: MAPSolver>(seed: UInt64, solverFor: (Matrix?) throws -> Solver,
                                     generate: (UInt64) throws -> (FeatureCostPairs, Matrix?)) throws -> (DecisionDataset, DecisionDataset, Solver) {
        if let dataFolder {
            let solver = try solverFor(nil)
            let folder = dataFolder.appendingPathComponent(problem.rawValue)
            return (try DecisionDataset.read(from: folder.appendingPathComponent("train"), solver: solver),
                    try DecisionDataset.read(from: folder.appendingPathComponent("test"), solver: solver), solver)
        }
        let (pairs, weights) = try generate(seed)
        let seedSolver = try solverFor(weights)
        let all = try DecisionDataset(features: pairs.features, costs: pairs.costs, solver: seedSolver)
        let training = all.subset(Array(0..<scale.train))
        let test = all.subset(Array(scale.train ..< scale.train + scale.test))
        if let saveFolder {
            let folder = saveFolder.appendingPathComponent("seed-\(seed)/\(problem.rawValue)")
            try training.write(to: folder.appendingPathComponent("train"))
            try test.write(to: folder.appendingPathComponent("test"))
            if let weights {
                let scaled = Matrix(rows: weights.rows, columns: weights.columns, values: weights.values.map { $0 / 100 })
                try DecisionDataset.writeMatrix(scaled, to: folder.appendingPathComponent("weights.npy"))
            }
        }
        return (training, test, seedSolver)
    }
}
