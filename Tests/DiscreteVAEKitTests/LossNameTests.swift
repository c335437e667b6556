import DifferentiableSolvers
import DiscreteVAEKit
import GraphCutSolver
import Testing

/// The loss a run reports is called a negative ELBO only when its KL term is the KL of the
/// distribution the encoder samples (categorical latents with Gumbel-max).
@Suite("Reported losses are named for what they measure")
struct LossNameTests {
    static func vae(_ latent: LatentStructure) throws -> DiscreteVAE<ShallowPerceptron, ShallowPerceptron> {
        var rng = SeededGenerator(seed: 5)
        let n = latent.variableCount
        return try DiscreteVAE(encoder: ShallowPerceptron(sizes: (8, 4, n), using: &rng),
                               decoder: ShallowPerceptron(sizes: (n, 4, 8), using: &rng),
                               latent: latent, estimator: .package(.straightThrough), learningRate: 1e-2, seed: 5)
    }

    @Test("categorical latents report −ELBO; k-subset and graph-cut latents a named sum that is not called ELBO")
    func names() throws {
        #expect(try Self.vae(LatentStructure(blocks: 2, blockSize: 4)).lossName == "−ELBO")
        let subset = try Self.vae(LatentStructure(blocks: 2, blockSize: 4, k: 2)).lossName
        #expect(subset == "reconstruction + marginal KL")
        var rng = SeededGenerator(seed: 6)
        let solver = try GraphCutSolver(nodeCount: 3, edges: [(0, 1), (1, 2)])
        let structured = try StructuredVAE(encoder: ShallowPerceptron(sizes: (8, 4, solver.variableCount ?? 3), using: &rng),
                                           decoder: ShallowPerceptron(sizes: (3, 4, 8), using: &rng),
                                           solver: solver, epsilon: .paper, learningRate: 1e-2, seed: 6)
        #expect(!structured.lossName.contains("ELBO"))
    }
}
