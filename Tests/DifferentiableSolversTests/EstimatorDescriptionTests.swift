import DifferentiableSolvers
import Foundation
import Testing

/// The Codable description of the package's estimators keeps the encoding of the estimator
/// enumeration that preceded the protocol, and maps back to the same estimators.
@Suite("Estimator descriptions")
struct EstimatorDescriptionTests {
    /// JSON in the synthesised encoding of the former `GradientEstimator` enumeration.
    static let stored: [(json: String, description: EstimatorDescription)] = [
        (#"{"aimle":{"_0":{"scheme":"central","targetNonZeros":1,"decay":0.9,"adaptation":{"multiplicative":{"rate":0.2,"floor":0.01}},"initialAlpha":0,"initialNonZeros":1}}}"#,
         .aimle(AdaptiveIMLE())),
        (#"{"imle":{"_0":{"lambda":10,"scheme":"central","targetScale":2}}}"#,
         .imle(IMLE(lambda: 10, scheme: .central, targetScale: 2))),
        (#"{"straightThrough":{}}"#, .straightThrough),
        (#"{"scoreFunction":{}}"#, .scoreFunction),
        (#"{"directLoss":{"_0":{"mode":{"exact":{"blockSize":10}},"epsilon":{"initial":1,"rate":1e-05,"floor":0.1,"interval":500}}}}"#,
         .directLoss(DirectLoss(mode: .exact(blockSize: 10), epsilon: .paper))),
        (#"{"blackbox":{"lambda":20}}"#, .blackbox(lambda: 20)),
        (#"{"perturbedOptimizer":{"_0":{"leaveOneOutBaseline":true,"multiplicative":false}}}"#,
         .perturbedOptimizer(PerturbedOptimizer())),
        (#"{"gumbelSoftmax":{"temperature":0.5,"blockSize":3}}"#, .gumbelSoftmax(temperature: 0.5, blockSize: 3)),
    ]

    @Test("stored descriptions decode, round-trip and name their estimators")
    func storedDescriptions() throws {
        for (json, expected) in Self.stored {
            let decoded = try JSONDecoder().decode(EstimatorDescription.self, from: Data(json.utf8))
            #expect(decoded == expected, "\(json)")
            let again = try JSONDecoder().decode(EstimatorDescription.self, from: JSONEncoder().encode(decoded))
            #expect(again == expected)
            #expect(EstimatorDescription(decoded.estimator) == expected)
            #expect(decoded.name == decoded.estimator.name)
        }
        #expect(EstimatorDescription.aimle(.paper).name == "AIMLE (central)")
        #expect(EstimatorDescription.imle(IMLE(lambda: 10)).name == "IMLE (forward, λ = 10.0)")
    }
}
