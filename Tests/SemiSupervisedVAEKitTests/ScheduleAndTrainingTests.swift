import DifferentiableSolvers
import Foundation
@testable import SemiSupervisedVAEKit
import Testing
import _ExampleSupport

@Suite("The reference code's schedule, and labelled training that teaches the classifier")
struct ScheduleAndTrainingTests {
    @Test("ε and the temperature: 0.05 / 1 when labelled, then max(0.1, exp(−10⁻⁵ · epoch · steps))")
    func schedule() {
        #expect(SemiSupervisedEstimator.direct.labelledPerturbation == 0.05)
        #expect(SemiSupervisedEstimator.gsm.labelledPerturbation == 1)
        #expect(SemiSupervisedEstimator.direct.unlabelledPerturbation(afterEpoch: 0, stepsPerEpoch: 500) == 1)
        #expect(Swift.abs(SemiSupervisedEstimator.gsm.unlabelledPerturbation(afterEpoch: 100, stepsPerEpoch: 500) - exp(-0.5)) < 1e-12)
        // The paper's recipe: after 1 199 labelled epochs the floor is reached at once.
        #expect(SemiSupervisedEstimator.direct.unlabelledPerturbation(afterEpoch: 1_200, stepsPerEpoch: 500) == 0.1)
        #expect(SemiSupervisedEstimator.gsm.unlabelledPerturbation(afterEpoch: 1_200, stepsPerEpoch: 500, floor: 0.5) == 0.5)
    }

    @Test("labelled steps teach argmax θ(x) two patterns' labels", arguments: SemiSupervisedEstimator.allCases)
    func labelledTraining(estimator: SemiSupervisedEstimator) throws {
        var vae = try SemiSupervisedVAE(classes: 2, dimension: 2, pixels: 8, estimator: estimator, learningRate: 3e-3, seed: 2)
        let patterns: [[Float]] = [[1, 1, 1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1, 1]]
        let labels = [1, 0, 1, 0]
        let images = labels.flatMap { patterns[$0] }
        for _ in 0..<40 { _ = try vae.trainStep(images: images, count: 4, labels: labels) }
        let measured = try vae.evaluate(images: images, labels: labels, count: 4, seed: 3)
        #expect(measured.accuracy == 1)
        #expect(measured.bound.isFinite)
        #expect(try vae.generations(columns: 3, seed: 1).count == 2 * 3 * 8)
    }
}
