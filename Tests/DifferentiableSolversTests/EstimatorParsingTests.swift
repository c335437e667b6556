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
        let description = try EstimatorDescription(parsing: text)
        #expect(description == expected)
        let name = String(text.prefix { $0 != ":" }), count = text.filter { $0 == ":" }.count
        let family = try EstimatorDescription.Family(named: name)
        #expect(family == expected.family)
        #expect(family.argumentCounts.contains(count))
    }

    @Test("a name without its numbers reads as its family; numbers or unknown names are refused",
          arguments: ["aimle-central:1", "imle:10", "AIMLE", "sog", "gumbel-softmax:1:2", ""])
    func familyRefusals(text: String) {
        let error = #expect(throws: LayerError.self) { try EstimatorDescription.Family(named: text) }
        #expect(error?.message.contains("unknown estimator '\(text)'") == true)
        #expect(error?.message.contains(EstimatorDescription.parsableNames) == true)
    }

    @Test("blackbox and gumbel-softmax are families whose names need numbers")
    func familiesNeedingNumbers() throws {
        #expect(try EstimatorDescription.Family(named: "blackbox") == .blackbox)
        #expect(try EstimatorDescription.Family(named: "gumbel-softmax") == .gumbelSoftmax)
        #expect(try EstimatorDescription.Family(named: "ste") == .straightThrough)
        #expect(try EstimatorDescription.Family(named: "aimle") == .aimle(.central))
        #expect(EstimatorDescription.Family.blackbox.argumentCounts == 1 ... 1)
        #expect(EstimatorDescription.Family.gumbelSoftmax.argumentCounts == 2 ... 2)
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

    @Test("noise descriptions: every distribution name, and Sum-of-Gamma whose k the caller gives", arguments: [
        ("none", NoiseDescription.distribution(.none)), ("gumbel", .distribution(.gumbel)), ("normal", .distribution(.normal)),
        ("sum-of-gamma:5", .distribution(.sumOfGamma(k: 5, iterations: 10))), ("sog:2.5:20", .distribution(.sumOfGamma(k: 2.5, iterations: 20))),
        ("sum-of-gamma", .sumOfGammaMatchingK(iterations: 10)), ("sog", .sumOfGammaMatchingK(iterations: 10)),
    ])
    func noiseDescription(text: String, expected: NoiseDescription) throws {
        let description = try NoiseDescription(parsing: text)
        #expect(description == expected)
        if case .distribution(let distribution) = expected {
            #expect(try NoiseDistribution(parsing: text) == distribution)
            #expect(description.distribution(sumOfGammaK: 3) == distribution)
        } else {
            #expect(description.distribution(sumOfGammaK: 3) == .sumOfGamma(k: 3, iterations: 10))
            let error = #expect(throws: LayerError.self) { try NoiseDistribution(parsing: text) }
            #expect(error?.message.contains("sum-of-gamma:K") == true)
        }
    }

    @Test("bad noise descriptions are refused naming the text", arguments: ["Gumbel", "sog:0", "sum-of-gamma:3:0", "none:1", "", "sum-of-gamma::"])
    func badNoiseDescription(text: String) {
        let error = #expect(throws: LayerError.self) { try NoiseDescription(parsing: text) }
        #expect(error?.kind == .invalidConfiguration)
        #expect(error?.message.contains("'\(text)'") == true, "\(String(describing: error))")
    }

    @Test("bad noise names are refused", arguments: ["Gumbel", "sum-of-gamma", "sum-of-gamma:-1", "sum-of-gamma:3:0",
                                                     "sum-of-gamma:3:2.5", "normal:1", ""])
    func badNoise(text: String) {
        #expect(throws: LayerError.self) { try NoiseDistribution(parsing: text) }
    }
}
