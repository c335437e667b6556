import DifferentiableSolvers
import DiscreteVAEKit
import GraphCutSolver
import Foundation
import _ExampleSupport

/// Part 3 of the study (Lorberbom et al. 2019, Fig. 3): n binary latents with a supermodular
/// pairwise encoder over the complete graph (MAP by graph cut) against the unstructured
/// encoder (no edges), both trained with direct optimisation.
struct StructuredRun {
    let nodes: Int
    let epsilon: EpsilonSchedule
    let learningRate: Float
    let seed: UInt64
    let pixels: Int

    func train(_ session: VAETraining, epochs: Int) throws -> [TrainingRecord] {
        let pairs = (0..<nodes).flatMap { i in (i + 1 ..< nodes).map { (i, $0) } }
        var records: [TrainingRecord] = []
        for edges in [[], pairs] {
            var generator = SeededGenerator(seed: seed, stream: [0x6C])
            let solver = try GraphCutSolver(nodeCount: nodes, edges: edges)
            let width = solver.variableCount ?? nodes
            var vae = try StructuredVAE(encoder: ShallowPerceptron(sizes: (pixels, 300, width), using: &generator),
                                        decoder: ShallowPerceptron(sizes: (nodes, 300, pixels), using: &generator),
                                        solver: solver, epsilon: epsilon, learningRate: learningRate, seed: seed)
            let record = try session.run(&vae, epochs: epochs)
            if let last = record.epochs.last {
                print(String(format: "%@ %@: test %@ %.2f (validation %.2f), %.1f s/epoch", record.latent, record.estimator,
                             record.lossName, last.testLoss, last.validationLoss, record.secondsPerEpoch))
            }
            records.append(record)
        }
        return records
    }
}
