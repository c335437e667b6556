@testable import DiscreteVAE
import DiscreteVAEKit
import DifferentiableSolvers
@testable import LatentGraphs
import LearningToExplainKit
import PredictThenOptimizeKit
import SemiSupervisedVAEKit
import Testing
import WarcraftShortestPathKit
import _ExampleSupport

/// Every package estimator name and every noise name is read by the package's parsers,
/// `EstimatorDescription(parsing:)` (or `EstimatorDescription.Family(named:)`) and
/// `NoiseDescription(parsing:)`: an example reads a package name as the package does, or
/// refuses it with a typed error that names it; the examples' own methods are not package names.
@Suite("Examples read estimator and noise names with the package's parsers")
struct OneParserTests {
    /// Every form of every package estimator name, with and without numbers.
    static let packageNames = [
        "aimle", "aimle:3", "aimle-central", "aimle-central:10", "aimle-forward", "aimle-forward:3", "aimle-backward",
        "aimle-backward:2", "imle", "imle:20", "imle-forward", "imle-forward:0.5", "imle-central", "imle-central:3",
        "imle-backward", "imle-backward:5", "blackbox:20", "direct-loss", "direct-loss:0.1", "perturbed-optimizer",
        "score-function", "straight-through", "ste", "gumbel-softmax:0.5:10",
    ]
    /// Package names without numbers, as the examples that take numbers from options accept them.
    static let bareNames = ["aimle", "aimle-central", "aimle-forward", "aimle-backward", "imle", "imle-forward", "imle-central",
                            "imle-backward", "blackbox", "direct-loss", "perturbed-optimizer", "score-function",
                            "straight-through", "ste", "gumbel-softmax"]
    /// Every noise name.
    static let noiseNames = ["none", "gumbel", "normal", "sum-of-gamma", "sog", "sum-of-gamma:5", "sog:2.5:20"]

    static func family(_ text: String) throws -> EstimatorDescription.Family {
        try EstimatorDescription.Family(named: EstimatorItem(text).name)
    }

    /// Runs `parse`, expecting an ``ExampleError`` of kind `.invalidArgument` that names `text` in quotes.
    static func expectRefusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation, _ parse: () throws -> Void) {
        do {
            try parse()
            Issue.record("'\(text)' was accepted", sourceLocation: sourceLocation)
        } catch let error as ExampleError {
            #expect(error.kind == .invalidArgument, sourceLocation: sourceLocation)
            #expect(error.message.contains("'\(text)'"), "\(error.message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("'\(text)': \(error) is not an ExampleError", sourceLocation: sourceLocation)
        }
    }

    @Test("the discrete VAE reads every package name as EstimatorDescription(parsing:)", arguments: packageNames)
    func discreteVAE(name: String) throws {
        #expect(try VAEEstimator(parsing: name) == .package(EstimatorDescription(parsing: name)))
        #expect(try VAEEstimator(parsing: name.uppercased()) == .package(EstimatorDescription(parsing: name)))
    }

    @Test("LearningToExplain reads every package name as EstimatorDescription(parsing:) or refuses it by name", arguments: packageNames)
    func learningToExplain(name: String) throws {
        let description = try EstimatorDescription(parsing: name)
        switch description.family {
        case .scoreFunction, .perturbedOptimizer, .gumbelSoftmax: Self.expectRefusal(name) { _ = try SelectionMethod(parsing: name) }
        default: #expect(try SelectionMethod(parsing: name) == .perturbAndMAP(description))
        }
    }

    @Test("Warcraft reads every bare package name as its family, or refuses it by name", arguments: bareNames)
    func warcraft(name: String) throws {
        let family = try Self.family(name)
        switch family {
        case .aimle(.backward), .imle(.central), .imle(.backward), .scoreFunction, .gumbelSoftmax:
            Self.expectRefusal(name) { _ = try WarcraftMethod(parsing: name) }
        default:
            let estimator = try WarcraftMethod(parsing: name).estimator(lambda: 20)
            #expect(try #require(EstimatorDescription(estimator)).family == family)
        }
    }

    @Test("LatentGraphs reads every bare package name as its family, or refuses it by name", arguments: bareNames)
    func latentGraphs(name: String) throws {
        let family = try Self.family(name)
        switch family {
        case .aimle(.forward), .aimle(.central), .imle(.forward), .imle(.central), .gumbelSoftmax:
            let estimators = try EstimatorChoice(parsing: name).estimators(lambdas: [1, 10], temperature: 1, edgeCount: 6)
            #expect(try estimators.map { try #require(EstimatorDescription($0)).family } == Array(repeating: family, count: estimators.count))
        default:
            Self.expectRefusal(name) { _ = try EstimatorChoice(parsing: name) }
        }
    }

    @Test("PredictThenOptimize reads imle as the package does and refuses other package names by name", arguments: bareNames)
    func predictThenOptimize(name: String) throws {
        if try Self.family(name) == .imle(.forward) {
            #expect(try TrainingMethod.methods(parsing: EstimatorItem(name)) == [.imle])
            guard case .imle(let imle) = try EstimatorDescription(parsing: name) else { throw LayerError(.invalidConfiguration, name) }
            #expect(imle.lambda == MethodSettings().imleLambda)
        } else {
            Self.expectRefusal(name) { _ = try TrainingMethod.methods(parsing: EstimatorItem(name)) }
        }
    }

    @Test("examples that take numbers from their options refuse numbers in a name, saying where they come from",
          arguments: ["imle:20", "aimle-central:10", "blackbox:20", "gumbel-softmax:0.5:10"])
    func numbersRefused(name: String) {
        Self.expectRefusal(name) { _ = try WarcraftMethod(parsing: name) }
        Self.expectRefusal(name) { _ = try EstimatorChoice(parsing: name) }
        Self.expectRefusal(name) { _ = try TrainingMethod.methods(parsing: EstimatorItem(name)) }
    }

    @Test("the examples' own methods are not package names, and parse as documented")
    func ownMethods() throws {
        let own = ["direct", "gsm", "exact", "l2x", "all"] + TrainingMethod.pyEPONamed.map(\.rawValue)
        for name in own { #expect(throws: LayerError.self) { try EstimatorDescription.Family(named: name) } }
        #expect(try VAEEstimator(parsing: "direct") == .direct(.paper))
        #expect(try VAEEstimator(parsing: "direct:0.1") == .direct(.constant(0.1)))
        #expect(try VAEEstimator(parsing: "gsm") == .gumbelSoftmax(VAEEstimator.gumbelSoftmaxAnnealing))
        #expect(try VAEEstimator(parsing: "gsm:0.5") == .gumbelSoftmax(.constant(0.5)))
        #expect(try VAEEstimator(parsing: "exact") == .exact)
        #expect(try SelectionMethod(parsing: "l2x:2") == .l2x(temperature: 2))
        for method in TrainingMethod.pyEPONamed { #expect(try TrainingMethod.methods(parsing: EstimatorItem(method.rawValue)) == [method]) }
        #expect(try TrainingMethod.methods(parsing: EstimatorItem("all")) == TrainingMethod.allCases)
        for text in ["exact:1", "gsm:1:2", "direct:0", "l2x:1:2"] {
            Self.expectRefusal(text) {
                _ = text.hasPrefix("l2x") ? try SelectionMethod(parsing: text) as Any : try VAEEstimator(parsing: text) as Any
            }
        }
    }

    @Test("the discrete VAE's bare aimle is the package's central AIMLE (it used to mean forward differences)")
    func vaeAIMLEMeaning() throws {
        #expect(try VAEEstimator(parsing: "aimle") == .package(.aimle(AdaptiveIMLE(scheme: .central))))
        #expect(try VAEEstimator(parsing: "aimle:3").description == "AIMLE central c = 3.0")
        #expect(try VAEEstimator(parsing: "aimle-forward").description == "AIMLE forward")
        #expect(try VAEEstimator(parsing: "aimle-forward:3") == .package(.aimle(AdaptiveIMLE(scheme: .forward, targetNonZeros: 3))))
        #expect(try VAEEstimator(parsing: "imle") == .package(.imle(IMLE(lambda: 10, scheme: .forward))))
        #expect(try DiscreteVAECommand.parse([]).estimator.values.map(\.description)
                == ["direct (paper ε)", "direct (ε=0.1)", "Gumbel-softmax", "AIMLE forward", "exact"])
    }

    @Test("every noise name reads as NoiseDescription(parsing:) says, or is refused by name", arguments: noiseNames)
    func noise(name: String) throws {
        let description = try NoiseDescription(parsing: name)
        #expect(try PerturbationNoise(parsing: name).distribution(k: 8) == description.distribution(sumOfGammaK: 8))
        switch description {
        case .distribution(.sumOfGamma):
            Self.expectRefusal(name) { _ = try WarcraftNoise(parsing: name) }
        default:
            #expect(try WarcraftNoise(parsing: name).distribution(gridSize: 12) == description.distribution(sumOfGammaK: 16))
        }
        switch description {
        case .sumOfGammaMatchingK: #expect(try IMLENoise(parsing: name) == .sumOfGamma)
        case .distribution(.gumbel): #expect(try IMLENoise(parsing: name) == .gumbel)
        default: Self.expectRefusal(name) { _ = try IMLENoise(parsing: name) }
        }
    }

    @Test("bad names are typed errors that name the item", arguments: ["bogus", "aimle:nan", "imle:0", "sum-of-gamma:0", "gumbel:1", ""])
    func badNames(name: String) {
        Self.expectRefusal(name) { _ = try VAEEstimator(parsing: name) }
        Self.expectRefusal(name) { _ = try SelectionMethod(parsing: name) }
        Self.expectRefusal(name) { _ = try WarcraftMethod(parsing: name) }
        Self.expectRefusal(name) { _ = try EstimatorChoice(parsing: name) }
        Self.expectRefusal(name) { _ = try TrainingMethod.methods(parsing: EstimatorItem(name)) }
        Self.expectRefusal(name) { _ = try PerturbationNoise(parsing: name) }
        Self.expectRefusal(name) { _ = try WarcraftNoise(parsing: name) }
        Self.expectRefusal(name) { _ = try IMLENoise(parsing: name) }
        Self.expectRefusal(name) { _ = try SemiSupervisedEstimator(parsing: name) }
    }

    @Test("the semi-supervised VAE reads its own direct and gsm and refuses every package name by name", arguments: packageNames)
    func semiSupervisedVAE(name: String) throws {
        #expect(try SemiSupervisedEstimator(parsing: "direct") == .direct)
        #expect(try SemiSupervisedEstimator(parsing: "GSM") == .gsm)
        Self.expectRefusal(name) { _ = try SemiSupervisedEstimator(parsing: name) }
    }
}
