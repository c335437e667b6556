import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import DifferentiableSolversAutoDiff
import TensorLayers
import Testing

@Suite("The layer on tensors inside differentiable Swift")
struct SolverFunctionTensorTests {
    let estimator: any GradientEstimator = .aimle(AIMLEConfiguration(scheme: .central, initialAlpha: 0.5))

    @Test("a tensor θ of shape [B, H, W] gives the same values and gradients as the array path",
          arguments: [SampleOutput.mean, .perSample])
    func matchesArrayPath(output: SampleOutput) throws {
        let solver = try GridShortestPath(height: 3, width: 4)
        func makeFunction() -> SolverFunction<GridShortestPath> {
            SolverFunction(DifferentiableSolverLayer(solver: solver, estimator: estimator, samples: 3, seed: 4,
                                                     perturbationFloor: 0),
                           output: output)
        }
        let tensorFunction = makeFunction(), arrayFunction = makeFunction()
        let scalars: [Float] = (0..<24).map { Float(($0 * 5) % 7) + 0.5 }
        let theta = try Tensor(shape: [2, 3, 4], scalars: scalars)
        let rows = output == .mean ? 2 : 6
        let target = try Tensor(shape: [rows, 3, 4], scalars: (0..<rows * 12).map { Float($0 % 2) })
        let (tensorLoss, tensorGradient) = valueWithGradient(at: theta) { t in
            meanSquaredError(predicted: tensorFunction(t), expected: target)
        }
        let targetScalars = target.scalars
        let (arrayValue, arrayPullback) = valueWithPullback(at: scalars) { arrayFunction($0, columns: 12) }
        let count = Float(arrayValue.count)
        let arrayLoss = zip(arrayValue, targetScalars).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / count
        let upstream = zip(arrayValue, targetScalars).map { 2 * ($0 - $1) / count }
        let arrayGradient = arrayPullback(Array<Float>.TangentVector(upstream)).base
        try tensorFunction.throwIfFailed()
        #expect(abs(tensorLoss - arrayLoss) < 1e-6)
        #expect(tensorGradient.shape == [2, 3, 4])
        #expect(arrayGradient.contains { $0 != 0 })
        #expect(zip(tensorGradient.scalars, arrayGradient).allSatisfy { abs($0 - $1) <= 1e-5 })
    }
}
