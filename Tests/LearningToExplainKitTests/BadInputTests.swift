import DifferentiableSolvers
import Foundation
import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("Bad input is refused with typed errors")
struct BadInputTests {
    @Test("k = 0 and k > 49 are refused when the explainer is built", arguments: [0, 50, -3])
    func badK(k: Int) throws {
        let error = try #require(throws: ExampleError.self) {
            try PatchExplainer(configuration: ExplainerConfiguration(k: k, method: .l2x(temperature: 0.5), hiddenUnits: 4))
        }
        #expect(error.kind == .invalidArgument)
    }

    @Test("Images of the wrong size, and labels that do not fit, are refused")
    func wrongImageSize() throws {
        var explainer = try PatchExplainer(configuration: ExplainerConfiguration(k: 4, method: try SelectionMethod(parsing: "imle:10"),
                                                                                hiddenUnits: 4))
        let wrongSize = try #require(throws: ExampleError.self) {
            try explainer.trainStep(images: [Float](repeating: 0.5, count: 2 * 30 * 30), labels: [1, 2])
        }
        #expect(wrongSize.kind == .shapeMismatch)
        let wrongLabels = try #require(throws: ExampleError.self) {
            try explainer.trainStep(images: [Float](repeating: 0.5, count: 2 * 784), labels: [1])
        }
        #expect(wrongLabels.kind == .shapeMismatch)
        let badLabel = try #require(throws: ExampleError.self) {
            try explainer.trainStep(images: [Float](repeating: 0.5, count: 784), labels: [10])
        }
        #expect(badLabel.kind == .invalidArgument)
        #expect(try #require(throws: ExampleError.self) { try explainer.explanations(of: [0, 1, 2]) }.kind == .shapeMismatch)
        // A grid that does not tile the image, built or decoded.
        #expect(try #require(throws: ExampleError.self) { try PatchGrid(imageHeight: 30, imageWidth: 30, side: 4) }.kind
                == .invalidArgument)
        let stored = Data(#"{"imageHeight": 28, "imageWidth": 28, "side": 0}"#.utf8)
        #expect(throws: ExampleError.self) { try JSONDecoder().decode(PatchGrid.self, from: stored) }
        // Training images that are not the explainer's size.
        let small = try ImageSet(pixels: [Float](repeating: 0, count: 4 * 16), labels: [0, 1, 2, 3], height: 4, width: 4)
        let session = try ExplainerTraining(training: small, validation: small, test: small, batchSize: 2, seed: 1)
        #expect(try #require(throws: ExampleError.self) { try session.run(&explainer, epochs: 1) }.kind == .shapeMismatch)
    }

    @Test("Unknown methods, noises and estimators that need more than ∂L/∂z are refused",
          arguments: ["bogus", "l2x:0", "l2x:-1", "l2x:1:2", "imle:nan", "score-function", "gumbel-softmax:1:49",
                      "perturbed-optimizer"])
    func badMethod(text: String) throws {
        #expect(try #require(throws: ExampleError.self) { try SelectionMethod(parsing: text) }.kind == .invalidArgument)
    }

    @Test("Method and noise names parse to what they say")
    func goodNames() throws {
        #expect(try SelectionMethod(parsing: "l2x") == .l2x(temperature: SelectionMethod.defaultL2XTemperature))
        #expect(try SelectionMethod(parsing: "aimle-central:8").description == "AIMLE (central, c = 8)")
        #expect(try SelectionMethod(parsing: "ste").description == "STE")
        #expect(try PerturbationNoise(parsing: "sum-of-gamma").distribution(k: 8) == .sumOfGamma(k: 8, iterations: 10))
        #expect(try PerturbationNoise(parsing: "gumbel").distribution(k: 8) == .gumbel)
        #expect(try #require(throws: ExampleError.self) { try PerturbationNoise(parsing: "cauchy") }.kind == .invalidArgument)
    }
}
