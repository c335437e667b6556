#if canImport(_Differentiation)
import _Differentiation
import CombinatorialSolvers
import DifferentiableSolvers
import DifferentiableSolversAutoDiff
import Testing

/// θ = x · W for x: rows × inner and W: inner × columns, all row-major.
@differentiable(reverse, wrt: w)
func linear(_ x: [Float], _ w: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
    var theta = [Float](repeating: 0, count: rows * columns)
    for r in 0..<rows { for i in 0..<inner { for c in 0..<columns { theta[r * columns + c] += x[r * inner + i] * w[i * columns + c] } } }
    return theta
}

/// ∂L/∂W = xᵀ · ∂L/∂θ.
func linearWeightGradient(_ x: [Float], _ dTheta: [Float], rows: Int, inner: Int, columns: Int) -> [Float] {
    var dW = [Float](repeating: 0, count: inner * columns)
    for r in 0..<rows { for i in 0..<inner { for c in 0..<columns { dW[i * columns + c] += x[r * inner + i] * dTheta[r * columns + c] } } }
    return dW
}

@derivative(of: linear, wrt: w)
func linearVJP(_ x: [Float], _ w: [Float], rows: Int, inner: Int, columns: Int)
    -> (value: [Float], pullback: (Array<Float>.TangentVector) -> Array<Float>.TangentVector) {
    (linear(x, w, rows: rows, inner: inner, columns: columns), { v in
        let upstream = v.base.isEmpty ? [Float](repeating: 0, count: rows * columns) : v.base
        return Array<Float>.TangentVector(linearWeightGradient(x, upstream, rows: rows, inner: inner, columns: columns))
    })
}

/// Σ (z − t)².
@differentiable(reverse, wrt: z)
func squaredError(_ z: [Float], _ t: [Float]) -> Float {
    zip(z, t).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
}

@derivative(of: squaredError, wrt: z)
func squaredErrorVJP(_ z: [Float], _ t: [Float]) -> (value: Float, pullback: (Float) -> Array<Float>.TangentVector) {
    (squaredError(z, t), { seed in Array<Float>.TangentVector(zip(z, t).map { seed * 2 * ($0 - $1) }) })
}

@Suite("The layer inside differentiable Swift")
struct SolverFunctionTests {
    let rows = 4
    let inner = 3
    let columns = 6
    let x: [Float] = (0..<12).map { Float(($0 * 7) % 5) - 2 }
    let target: [Float] = (0..<24).map { Float($0 % 3 == 0 ? 1 : 0) }
    let estimator: any GradientEstimator = .aimle(AIMLEConfiguration(scheme: .central, initialAlpha: 0.5))

    func makeLayer() -> DifferentiableSolverLayer<TopK> {
        DifferentiableSolverLayer(solver: TopK(k: 2), estimator: estimator, samples: 5, seed: 9)
    }

    @Test("training with gradient(at:of:) matches the forward/backward API step for step")
    func matchesFrameworkAgnosticTraining() throws {
        let function = SolverFunction(makeLayer())
        var manual = makeLayer()
        var wAD: [Float] = (0..<18).map { Float($0 % 4) * 0.3 - 0.4 }
        var wManual = wAD
        for step in 0..<6 {
            let (rows, inner, columns, x, target) = (self.rows, self.inner, self.columns, self.x, self.target)
            let gAD = gradient(at: wAD) { w in
                squaredError(function(linear(x, w, rows: rows, inner: inner, columns: columns), columns: columns), target)
            }
            try function.throwIfFailed()
            let theta = linear(x, wManual, rows: rows, inner: inner, columns: columns)
            let (z, tape) = try manual.forward(Matrix(rows: rows, columns: columns, values: theta), output: .mean)
            let dz = Matrix(rows: rows, columns: columns, values: zip(z.values, target).map { 2 * ($0 - $1) })
            let dTheta = try manual.backward(dz, tape)
            let gManual = linearWeightGradient(x, dTheta.values, rows: rows, inner: inner, columns: columns)
            #expect(gAD.base.count == gManual.count)
            #expect(zip(gAD.base, gManual).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }, "step \(step)")
            #expect(gManual.contains { $0 != 0 } || step > 0)
            for i in wAD.indices {
                wAD[i] -= 0.1 * gAD.base[i]
                wManual[i] -= 0.1 * gManual[i]
            }
            #expect(function.layer.adaptiveState.snapshot == manual.adaptiveState.snapshot)
        }
        #expect(function.layer.step == 6)
    }

    @Test("the pullback scales with its incoming cotangent")
    func cotangentScaling() throws {
        // AIMLE is positively homogeneous in ∂L/∂z: λ ∝ 1/‖∂L/∂z‖ fixes the perturbation and
        // the 1/λ scaling carries the factor.
        let unit = SolverFunction(makeLayer()), scaled = SolverFunction(makeLayer())
        let theta = linear(x, (0..<18).map { Float($0) * 0.1 - 0.9 }, rows: rows, inner: inner, columns: columns)
        let seedVector = Array<Float>.TangentVector((0..<24).map { Float($0 % 5) - 2 })
        let (_, unitPullback) = valueWithPullback(at: theta) { unit($0, columns: 6) }
        let (_, scaledPullback) = valueWithPullback(at: theta) { scaled($0, columns: 6) }
        let one = unitPullback(seedVector).base
        let three = scaledPullback(Array<Float>.TangentVector(seedVector.base.map { 3 * $0 })).base
        #expect(one.contains { $0 != 0 })
        #expect(zip(one, three).allSatisfy { abs(3 * $0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test("an empty zero tangent gives a zero gradient and leaves the state alone")
    func zeroTangent() throws {
        let function = SolverFunction(makeLayer())
        let theta: [Float] = (0..<24).map { Float($0 % 7) }
        let (_, pullback) = valueWithPullback(at: theta) { function($0, columns: 6) }
        let before = function.layer.adaptiveState.snapshot
        let gradient = pullback(.zero).base
        #expect(gradient == Array(repeating: 0, count: 24))
        #expect(function.layer.adaptiveState.snapshot == before)
    }

    @Test("failures return NaN and are reported, never trap")
    func failures() {
        let function = SolverFunction(makeLayer())
        var theta: [Float] = (0..<24).map { Float($0) }
        theta[5] = .nan
        let value = function(theta, columns: 6)
        #expect(value.allSatisfy { $0.isNaN })
        #expect(function.lastError?.kind == .nonFiniteInput)
        #expect(throws: LayerError.self) { try function.throwIfFailed() }
        #expect(function.lastError == nil)
        #expect(throws: LayerError.self) { try function.validate([Float](repeating: 1, count: 10), columns: 6) }
    }

    @Test("a failed per-sample call returns NaNs of the per-sample shape (B · S · n), its pullback θ's shape")
    func perSampleFailureShape() {
        let function = SolverFunction(makeLayer(), output: .perSample)
        var theta: [Float] = (0..<24).map { Float($0) }
        let success = function(theta, columns: 6)
        theta[7] = .infinity
        let (value, pullback) = valueWithPullback(at: theta) { function($0, columns: 6) }
        #expect(value.count == success.count && value.count == 4 * 5 * 6)
        #expect(value.allSatisfy { $0.isNaN })
        #expect(function.lastError?.kind == .nonFiniteInput)
        let gradient = pullback(Array<Float>.TangentVector([Float](repeating: 1, count: value.count))).base
        #expect(gradient.count == theta.count)
    }
}
#endif
