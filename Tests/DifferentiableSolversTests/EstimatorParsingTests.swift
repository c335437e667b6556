import DifferentiableSolvers
import Testing

/// The short names of estimators and noise read as the values they stand for; anything else is
/// refused with a message that says what was expected.
@Suite("Parsing estimator and noise names")
struct EstimatorParsingTests {
    @Test("every name reads as its estimator", arguments: [
        ("aimle", EstimatorDescription.aimle(AdaptiveIMLE(scheme: .central))),
        ("aimle-central:10", .aimle(AdaptiveIMLE(scheme: .central, targetNonZeros: 10))),
        ("aimle-forward", .aimle(AdaptiveIMLE(scheme: .forward))),
        ("aimle-backward:2.5", .aimle(AdaptiveIMLE(scheme: .backward, targetNonZeros: 2.5))),
        ("imle", .imle(IMLE(lambda: 10, scheme: .forward))),
        ("imle:20", .imle(IMLE(lambda: 20, scheme: .forward))),
        ("imle-forward:0.5", .imle(IMLE(lambda: 0.5, scheme: .forward))),
        ("imle-central:3", .imle(IMLE(lambda: 3, scheme: .central))),
        ("imle-backward", .imle(IMLE(lambda: 10, scheme: .backward))),
        ("blackbox:20", .blackbox(lambda: 20)),
        ("direct-loss", .directLoss(DirectLoss(epsilon: .constant(1)))),
        ("direct-loss:0.1", .directLoss(DirectLoss(epsilon: .constant(0.1)))),
        ("perturbed-optimizer", .perturbedOptimizer(PerturbedOptimizer())),
        ("score-function", .scoreFunction),
        ("straight-through", .straightThrough),
        ("ste", .straightThrough),
        ("gumbel-softmax:0.5:4", .gumbelSoftmax(temperature: 0.5, blockSize: 4)),
    ])
    func estimator(text: String, expected: EstimatorDescription) throws {
        #expect(try EstimatorDescription(parsing: text) == expected)
    }

    @Test("bad estimator names are refused with what was expected", arguments: [
        ("", "unknown estimator ''"),
        ("AIMLE", "unknown estimator 'AIMLE'"),
        ("aimle:1:2", "unknown estimator 'aimle:1:2'"),
        ("blackbox", "unknown estimator 'blackbox'"),
        ("straight-through:1", "unknown estimator 'straight-through:1'"),
        ("imle:", "estimator 'imle:': '' is not a finite positive number"),
        ("imle:0", "'0' is not a finite positive number"),
        ("imle:inf", "'inf' is not a finite positive number"),
        ("gumbel-softmax:1:1.5", "the block size 1.5 is not a whole number"),
    ])
    func badEstimator(text: String, phrase: String) {
        let error = #expect(throws: LayerError.self) { try EstimatorDescription(parsing: text) }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error?.message.contains(phrase) == true, "\(String(describing: error)) lacks '\(phrase)'")
    }

    @Test("noise names", arguments: [
        ("none", NoiseDistribution.none), ("gumbel", .gumbel), ("normal", .normal),
        ("sum-of-gamma:5", .sumOfGamma(k: 5, iterations: 10)), ("sum-of-gamma:2.5:20", .sumOfGamma(k: 2.5, iterations: 20)),
    ])
    func noise(text: String, expected: NoiseDistribution) throws {
        #expect(try NoiseDistribution(parsing: text) == expected)
    }

    @Test("bad noise names are refused", arguments: ["Gumbel", "sum-of-gamma", "sum-of-gamma:-1", "sum-of-gamma:3:0",
                                                     "sum-of-gamma:3:2.5", "normal:1", ""])
    func badNoise(text: String) {
        #expect(throws: LayerError.self) { try NoiseDistribution(parsing: text) }
    }
}
