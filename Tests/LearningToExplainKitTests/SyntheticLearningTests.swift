import DifferentiableSolvers
import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("Training finds a known explanation far more often than chance")
struct SyntheticLearningTests {
    /// 2 of 49 patches: a uniformly random selection keeps the informative one with probability 2 / 49 ≈ 4 %.
    static let k = 2

    /// The share of `set`'s images whose MAP selection keeps the informative patch.
    static func hitRate(_ explainer: PatchExplainer, on set: ImageSet) throws -> Double {
        let masks = try explainer.explanations(of: set.pixels)
        let hits = (0 ..< set.count).count(where: { masks[$0, InformativePatchTask.informativePatch] == 1 })
        return Double(hits) / Double(set.count)
    }

    /// 240 steps of 32 fresh images. The perturbation is Gumbel noise at τ = 3, wide enough
    /// that the informative patch is drawn often while the classifier has not yet learned to
    /// read it (at τ = 1 the selector tends to settle on noise patches first); λ = 1000 is the
    /// IMLE step of the AIMLE paper's learning-to-explain runs.
    @Test("IMLE and AIMLE keep the informative patch on ≥ 90 % of test images (chance: k / 49)",
          arguments: ["imle:1000", "aimle-central"])
    func findsInformativePatch(method: String) throws {
        let task = InformativePatchTask.self
        let training = try task.images(count: 2_560, seed: 1), test = try task.images(count: 200, seed: 2)
        let configuration = ExplainerConfiguration(k: Self.k, method: try SelectionMethod(parsing: method), grid: task.grid,
                                                   classes: task.classes, hiddenUnits: 16, noise: .fixed(.gumbel),
                                                   temperature: 3, learningRate: 3e-3, seed: 1)
        var explainer = try PatchExplainer(configuration: configuration)
        // Before training the selector keeps it on few images: the test can fail.
        #expect(try Self.hitRate(explainer, on: test) < 0.5)
        let session = try ExplainerTraining(training: training, validation: test.prefix(0), test: test, batchSize: 32, seed: 4)
        let record = try session.run(&explainer, epochs: 3)
        let hitRate = try Self.hitRate(explainer, on: test)
        #expect(hitRate >= 0.9, "\(method): informative patch kept on \(Int(hitRate * 200)) of 200 test images")
        // The classifier reads the label off that patch.
        #expect((record.finalTest?.accuracy ?? 0) >= 0.9)
    }
}
