import DifferentiableSolvers
import Testing

/// Every estimator × every hostile layer input: a typed error of the expected kind or a
/// finite gradient of θ's shape, never a trap.
@Suite("Bad-input matrix: every estimator × hostile layer inputs")
struct LayerBadInputMatrixTests {
    @Test("a typed error or a finite gradient", arguments: Estimators.all, LayerBadInput.allCases)
    func hostileInput(_ named: NamedEstimator, _ input: LayerBadInput) {
        let expectation = input.expectation(for: named.estimator)
        do throws(LayerError) {
            let (theta, gradient) = try input.run(named.estimator)
            if case .fails(let kinds) = expectation {
                Issue.record("\(named.name), \(input): expected an error of kind \(kinds), got a gradient")
            }
            #expect(gradient.isConsistent && gradient.rows == theta.rows && gradient.columns == theta.columns,
                    "gradient of shape \(gradient.rows) × \(gradient.columns) for θ of shape \(theta.rows) × \(theta.columns)")
            #expect(gradient.firstNonFiniteIndex == nil, "\(named.name), \(input): non-finite gradient \(gradient.values)")
            if input == .ordinary {
                #expect(gradient.values.contains { $0 != 0 }, "\(named.name): zero gradient on an ordinary input")
            }
        } catch {
            #expect(!error.message.isEmpty)
            switch expectation {
            case .fails(let kinds): #expect(kinds.contains(error.kind), "\(named.name), \(input): \(error)")
            case .answers: Issue.record("\(named.name), \(input): expected a gradient, got \(error)")
            case .answersOrRefuses: break
            }
        }
    }
}
