import DifferentiableSolvers
import DiscreteVAEKit
import GraphCutSolver
import Foundation
import _ExampleSupport

/// Part 3 of the study (Lorberbom et al. 2019, Fig. 3): n binary latents with a supermodular
/// pairwise encoder over the complete graph (MAP by graph cut) against the unstructured
/// encoder (no edges) and, with `general`, the general pairwise encoder (weights of any sign,
/// MAP by GLPK's integer programming), all trained with direct optimisation.
struct StructuredRun {
    let nodes: Int
    let epsilon: EpsilonSchedule
    let learningRate: Float
    let seed: UInt64
    let pixels: Int
    /// Whether to train the general pairwise encoder too.
    var general = false
    /// Where `metrics.json` is kept up to date after every epoch, with `earlierRecords` before this part's records.
    var directory: OutputDirectory?
    /// The records of the command's earlier runs.
    var earlierRecords: [TrainingRecord] = []

    func train(_ session: VAETraining, epochs: Int) throws -> [TrainingRecord] {
        let pairs = (0..<nodes).flatMap { i in (i + 1 ..< nodes).map { (i, $0) } }
        var records: [TrainingRecord] = []
        records.append(try train(GraphCutSolver(nodeCount: nodes, edges: []), session: session, epochs: epochs, after: records))
        records.append(try train(GraphCutSolver(nodeCount: nodes, edges: pairs), session: session, epochs: epochs, after: records))
        if general {
            records.append(try train(GeneralPairwiseSolver(nodeCount: nodes, edges: pairs), session: session, epochs: epochs,
                                     after: records))
        }
        return records
    }

    /// One encoder through `solver`, from the same initialisation stream as the others.
    private func train<Solver: PairwiseBinarySolver>(_ solver: Solver, session: VAETraining, epochs: Int,
                                                     after finished: [TrainingRecord]) throws -> TrainingRecord {
        var generator = SeededGenerator(seed: seed, stream: [0x6C])
        let width = solver.variableCount ?? nodes
        var vae = try StructuredVAE(encoder: ShallowPerceptron(sizes: (pixels, 300, width), using: &generator),
                                    decoder: ShallowPerceptron(sizes: (nodes, 300, pixels), using: &generator),
                                    solver: solver, epsilon: epsilon, learningRate: learningRate, seed: seed)
        let record = try session.run(&vae, epochs: epochs) { partial throws(ExampleError) in
            try directory?.saveMetrics(earlierRecords + finished + [partial])
        }
        if let last = record.epochs.last {
            print(String(format: "%@ %@: test %@ %.2f (validation %.2f), %.1f s/epoch", record.latent, record.estimator,
                         record.lossName, last.testLoss, last.validationLoss, record.secondsPerEpoch))
        }
        return record
    }
}
