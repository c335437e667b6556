#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DifferentiableSolvers
import GraphCutSolver
import Testing
import _TestSupport

@Suite("Softplus projection")
struct SupermodularProjectionTests {
    @Test("softplus matches log(1 + eᵃ) and stays positive", arguments: [-30, -3, -0.5, 0, 0.5, 3, 30, 90] as [Float])
    func softplusValues(raw: Float) {
        let reference = raw > 20 ? Double(raw) : log1p(exp(Double(raw)))
        #expect(isApproximatelyEqual(Double(SupermodularProjection.softplus(raw)), reference, relative: 1e-6))
        #expect(SupermodularProjection.softplus(raw) > 0)
    }

    @Test("the derivative matches central finite differences", arguments: [-4, -1, -0.1, 0, 0.3, 2, 5] as [Float])
    func derivativeMatchesFiniteDifferences(raw: Float) {
        let h = 1e-3
        let f = { (x: Double) in log1p(exp(x)) }
        let numeric = (f(Double(raw) + h) - f(Double(raw) - h)) / (2 * h)
        #expect(abs(Double(SupermodularProjection.softplusDerivative(raw)) - numeric) < 1e-5)
    }

    @Test("projection touches only the weights, with the solver's sign", arguments: [OptimizationSense.maximize, .minimize])
    func projectionOfTheta(sense: OptimizationSense) throws {
        let solver = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)], sense: sense)
        let raw: [Float] = [0.3, -0.2, -1.5]
        let theta = solver.projectingPairwiseWeights(of: raw)
        let sign: Float = sense == .maximize ? 1 : -1
        #expect(theta[0] == 0.3 && theta[1] == -0.2)
        #expect(abs(theta[2] - sign * 0.201_413) < 1e-5)
        _ = try solver.solve(row: theta)   // always in the domain
        let gradient = solver.projectionPullback(rawTheta: raw, gradient: [1, 2, 3])
        #expect(gradient[0] == 1 && gradient[1] == 2)
        #expect(abs(gradient[2] - sign * 3 * 0.182_426) < 1e-5)
        let fixed = try GraphCutSolver(nodeCount: 2, edges: [(0, 1)], pairwiseWeights: .fixed([sign]), sense: sense)
        #expect(fixed.projectingPairwiseWeights(of: [0.3, -0.2]) == [0.3, -0.2])
    }
}
