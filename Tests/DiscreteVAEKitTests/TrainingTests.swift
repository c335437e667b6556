import DifferentiableSolvers
import DiscreteVAEKit
import GraphCutSolver
import Testing
import _ExampleSupport

@Suite("A few steps of every estimator lower the negative ELBO")
struct TrainingTests {
    static let pixels = 16

    /// 200 noisy copies (5 % flips) of four random binary prototypes.
    static func images() -> [Float] {
        var rng = SeededGenerator(seed: 77)
        let prototypes = (0..<4).map { _ in (0..<pixels).map { _ in Float(rng.nextUniform() < 0.5 ? 1 : 0) } }
        return (0..<200).flatMap { index in
            prototypes[index % 4].map { rng.nextUniform() < 0.05 ? 1 - $0 : $0 }
        }
    }

    @Test("Categorical latent 1 × 4", arguments: ["direct", "direct:0.1", "gsm", "aimle", "aimle-forward", "imle:10", "ste", "exact"])
    func categorical(name: String) throws {
        try expectImprovement(latent: LatentStructure(blocks: 1, blockSize: 4), estimator: VAEEstimator(parsing: name))
    }

    @Test("k-subset latent 2 × 4, k = 2", arguments: ["direct", "aimle", "aimle-forward", "imle:10", "ste"])
    func subset(name: String) throws {
        try expectImprovement(latent: LatentStructure(blocks: 2, blockSize: 4, k: 2), estimator: VAEEstimator(parsing: name))
    }

    func expectImprovement(latent: LatentStructure, estimator: VAEEstimator) throws {
        var rng = SeededGenerator(seed: 3)
        let n = latent.variableCount
        var vae = try DiscreteVAE(encoder: ShallowPerceptron(sizes: (Self.pixels, 16, n), using: &rng),
                                  decoder: ShallowPerceptron(sizes: (n, 16, Self.pixels), using: &rng),
                                  latent: latent, estimator: estimator, learningRate: 1e-2, seed: 3)
        let (before, after) = try Self.lossBeforeAndAfterTraining(&vae)
        #expect(after < 0.8 * before, "\(estimator): \(before) → \(after)")
    }

    /// The −ELBO on the 200 test images before and after 60 steps on batches of 20 of them.
    static func lossBeforeAndAfterTraining(_ vae: inout some TrainableVAE) throws -> (before: Double, after: Double) {
        let images = Self.images()
        let before = try vae.negativeELBO(images: images, count: 200, seed: 5, batchSize: 500)
        for step in 0..<60 {
            let start = (step % 10) * 20
            _ = try vae.trainStep(images: Array(images[start * Self.pixels ..< (start + 20) * Self.pixels]), count: 20)
        }
        return (before, try vae.negativeELBO(images: images, count: 200, seed: 5, batchSize: 500))
    }

    @Test("Estimators that do not fit the latent are typed errors")
    func mismatches() throws {
        var rng = SeededGenerator(seed: 1)
        let subset = try LatentStructure(blocks: 2, blockSize: 4, k: 2)
        let several = try LatentStructure(blocks: 2, blockSize: 4)
        #expect(throws: ExampleError.self) {
            try DiscreteVAE(encoder: ShallowPerceptron(sizes: (4, 4, 8), using: &rng),
                            decoder: ShallowPerceptron(sizes: (8, 4, 4), using: &rng), latent: subset, estimator: .exact, seed: 1)
        }
        #expect(throws: ExampleError.self) { try VAEEstimator.exact.validate(for: several) }
        #expect(throws: ExampleError.self) { try VAEEstimator(parsing: "gsm").validate(for: subset) }
        #expect(throws: ExampleError.self) { try VAEEstimator(parsing: "gumbel-softmax:1:3").validate(for: several) }
        #expect(throws: ExampleError.self) { try VAEEstimator(parsing: "direct:-1") }
        #expect(throws: ExampleError.self) { try LatentStructure(parsing: "20x") }
        #expect(throws: ExampleError.self) { try LatentStructure(parsing: "2x4k4") }
        #expect(try LatentStructure(parsing: "20x20k10") == LatentStructure(blocks: 20, blockSize: 20, k: 10))
        #expect(try VAEEstimator(parsing: "direct:0.1") == .direct(.constant(0.1)))
    }
}

@Suite("Structured binary latent with a graph-cut encoder")
struct StructuredTrainingTests {
    @Test("A few direct-optimisation steps lower the negative ELBO, with and without pairwise terms", arguments: [false, true])
    func improves(structured: Bool) throws {
        let nodes = 4
        let edges = structured ? (0..<nodes).flatMap { i in (i + 1 ..< nodes).map { (i, $0) } } : []
        let solver = try GraphCutSolver(nodeCount: nodes, edges: edges)
        var rng = SeededGenerator(seed: 8)
        var vae = try StructuredVAE(encoder: ShallowPerceptron(sizes: (TrainingTests.pixels, 16, solver.variableCount!), using: &rng),
                                    decoder: ShallowPerceptron(sizes: (nodes, 16, TrainingTests.pixels), using: &rng),
                                    solver: solver, epsilon: .constant(0.5), learningRate: 1e-2, seed: 8)
        let (before, after) = try TrainingTests.lossBeforeAndAfterTraining(&vae)
        #expect(after < 0.8 * before, "\(before) → \(after)")
    }

    @Test("The general pairwise encoder (MAP by GLPK) lowers the negative ELBO too")
    func generalImproves() throws {
        let nodes = 4
        let solver = try GeneralPairwiseSolver(nodeCount: nodes, edges: (0..<nodes).flatMap { i in (i + 1 ..< nodes).map { (i, $0) } })
        var rng = SeededGenerator(seed: 8)
        var vae = try StructuredVAE(encoder: ShallowPerceptron(sizes: (TrainingTests.pixels, 16, solver.variableCount!), using: &rng),
                                    decoder: ShallowPerceptron(sizes: (nodes, 16, TrainingTests.pixels), using: &rng),
                                    solver: solver, epsilon: .constant(0.5), learningRate: 1e-2, seed: 8)
        #expect(vae.label == "direct, general pairwise (GLPK), 6 edges")
        let (before, after) = try TrainingTests.lossBeforeAndAfterTraining(&vae)
        #expect(after < 0.8 * before, "\(before) → \(after)")
    }

    @Test("Solvers with fixed pairwise weights are rejected")
    func fixedWeights() throws {
        var rng = SeededGenerator(seed: 1)
        let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)], pairwiseWeights: .fixed([1]))
        #expect(throws: ExampleError.self) {
            try StructuredVAE(encoder: ShallowPerceptron(sizes: (4, 4, 2), using: &rng),
                              decoder: ShallowPerceptron(sizes: (2, 4, 4), using: &rng), solver: solver, epsilon: .paper, seed: 1)
        }
    }
}

@Suite("Malformed batches and networks are typed errors")
struct BatchValidationTests {
    @Test("Empty and ragged batches, networks of the wrong size")
    func errors() throws {
        var rng = SeededGenerator(seed: 2)
        let latent = try LatentStructure(blocks: 1, blockSize: 4)
        var vae = try DiscreteVAE(encoder: ShallowPerceptron(sizes: (16, 8, 4), using: &rng),
                                  decoder: ShallowPerceptron(sizes: (4, 8, 16), using: &rng), latent: latent, estimator: .exact, seed: 2)
        #expect(throws: ExampleError.self) { try vae.trainStep(images: [], count: 0) }
        #expect(throws: ExampleError.self) { try vae.trainStep(images: [Float](repeating: 0, count: 30), count: 2) }
        #expect(throws: ExampleError.self) { try vae.negativeELBO(images: [Float](repeating: 0, count: 15), count: 1, seed: 1) }
        #expect(throws: ExampleError.self) {
            try DiscreteVAE(encoder: ShallowPerceptron(sizes: (16, 8, 5), using: &rng),
                            decoder: ShallowPerceptron(sizes: (4, 8, 16), using: &rng), latent: latent, estimator: .exact, seed: 2)
        }
        #expect(throws: ExampleError.self) {
            try DiscreteVAE(encoder: ShallowPerceptron(sizes: (16, 8, 4), using: &rng),
                            decoder: ShallowPerceptron(sizes: (4, 8, 15), using: &rng), latent: latent, estimator: .exact, seed: 2)
        }
    }
}
