import CombinatorialSolvers
import DifferentiableSolvers
import Testing

/// What adaptive IMLE does on an instance the solver already gets right, the situation that
/// decides how a supervised training run ends (the Warcraft example's diagnosis).
///
/// Argmax over θ = s · (3, 1, 0) with the label e₁ and the Hamming loss's ∂L/∂z = 1 − 2y =
/// (−1, 1, 1): MAP(θ) = e₁ is already the label. With α = 1, Eq. 8 gives
/// λ = ‖θ‖ / ‖∂L/∂z‖ = s · √10 / √3 ≈ 1.826 s.
/// * Central: MAP(θ + λ∇) = argmax s · (3 − 1.826, 1 + 1.826, 1.826) = e₂ and MAP(θ − λ∇) = e₁,
///   so ∂L/∂θ = (e₂ − e₁) / (2λ) — a push that widens the margin, at every scale s, because λ
///   grows with ‖θ‖.
/// * Forward: MAP(θ − λ∇) = e₁ = MAP(θ), so ∂L/∂θ = 0: nothing left to learn.
@Suite("AIMLE on an instance the solver already solves")
struct AIMLESolvedInstanceTests {
    func gradient(scheme: DifferenceScheme, scale: Float) throws -> [Float] {
        let state = AdaptiveState(AdaptiveState.Snapshot(alpha: 1, nonZeroAverage: 1))
        var layer = DifferentiableSolverLayer(solver: Argmax(), estimator: .aimle(AIMLEConfiguration(scheme: scheme)),
                                              noise: .none, samples: 1, seed: 1, adaptiveState: state)
        let (z, tape) = try layer.forward(Matrix(rows: 1, columns: 3, values: [3 * scale, scale, 0]))
        #expect(z.values == [1, 0, 0])
        return try layer.backward(Matrix(rows: 1, columns: 3, values: [-1, 1, 1]), tape).values
    }

    @Test("central differences keep pushing, at any scale of θ", arguments: [Float(1), 10, 1000])
    func centralKeepsPushing(scale: Float) throws {
        let lambda = scale * (10 as Float).squareRoot() / (3 as Float).squareRoot()
        let expected: [Float] = [-1 / (2 * lambda), 1 / (2 * lambda), 0]
        let gradient = try gradient(scheme: .central, scale: scale)
        for j in 0..<3 { #expect(abs(gradient[j] - expected[j]) <= 1e-4 * abs(expected[0])) }
    }

    @Test("forward differences stop", arguments: [Float(1), 10, 1000])
    func forwardStops(scale: Float) throws {
        #expect(try gradient(scheme: .forward, scale: scale) == [0, 0, 0])
    }
}
