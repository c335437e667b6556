import DifferentiableSolvers
@testable import SemiSupervisedVAEKit
import Testing
import _ExampleSupport

@Suite("Bad input gives a typed error, never a trap")
struct InputValidationTests {
    static func model(_ estimator: SemiSupervisedEstimator = .direct) throws -> SemiSupervisedVAE {
        try SemiSupervisedVAE(classes: 3, dimension: 2, pixels: 4, estimator: estimator, seed: 1)
    }

    @Test("wrong sizes, labels out of range or of the wrong count", arguments: SemiSupervisedEstimator.allCases)
    func badBatches(estimator: SemiSupervisedEstimator) throws {
        var vae = try Self.model(estimator)
        let images = [Float](repeating: 1, count: 8)
        #expect(throws: ExampleError.self) { _ = try vae.trainStep(images: images, count: 3) }
        #expect(throws: ExampleError.self) { _ = try vae.trainStep(images: [], count: 0) }
        #expect(throws: ExampleError.self) { _ = try vae.trainStep(images: images, count: 2, labels: [0, 3]) }
        #expect(throws: ExampleError.self) { _ = try vae.trainStep(images: images, count: 2, labels: [-1, 0]) }
        #expect(throws: ExampleError.self) { _ = try vae.trainStep(images: images, count: 2, labels: [0]) }
        #expect(throws: ExampleError.self) { _ = try vae.trainStep(images: [.nan] + images.dropFirst(), count: 2) }
        #expect(throws: ExampleError.self) { _ = try vae.evaluate(images: images, labels: [0, 5], count: 2, seed: 1) }
        #expect(throws: ExampleError.self) { _ = try vae.generations(columns: 0, seed: 1) }
        #expect(vae.steps == 0)
        #expect(try vae.trainStep(images: images, count: 2, labels: [0, 2]).isFinite)
    }

    @Test("impossible models and labelled subsets")
    func badSettings() throws {
        #expect(throws: ExampleError.self) { _ = try SemiSupervisedVAE(classes: 1, estimator: .direct, seed: 1) }
        #expect(throws: ExampleError.self) { _ = try SemiSupervisedEstimator(parsing: "reinforce") }
        let labels = [0, 1, 2, 0, 1, 0, 0, 0]
        // More labels than images, not a multiple of the classes, a class too small, a label out of range.
        #expect(throws: ExampleError.self) { _ = try LabelledSubset(labels: labels, count: 9, classes: 3, seed: 1) }
        #expect(throws: ExampleError.self) { _ = try LabelledSubset(labels: labels, count: 4, classes: 3, seed: 1) }
        #expect(throws: ExampleError.self) { _ = try LabelledSubset(labels: labels, count: 6, classes: 3, seed: 1) }
        #expect(throws: ExampleError.self) { _ = try LabelledSubset(labels: labels + [3], count: 3, classes: 3, seed: 1) }
        let subset = try LabelledSubset(labels: labels, count: 3, classes: 3, seed: 1)
        #expect(subset.indices.map { labels[$0] }.sorted() == [0, 1, 2])
    }
}
