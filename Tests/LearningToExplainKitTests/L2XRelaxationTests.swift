import Foundation
import DifferentiableSolvers
import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("L2X's relaxation: k Gumbel-softmax draws and their elementwise maximum")
struct L2XRelaxationTests {
    /// θ = 0 and two draws whose softmaxes are [2, 1, 1] / 4 and [1, 1, 3] / 5.
    static let theta = Matrix(rows: 1, columns: 3, values: [0, 0, 0])
    static let gumbel: [Float] = [Float(log(2.0)), 0, 0, 0, 0, Float(log(3.0))]

    @Test("Forward value on a hand-computed case")
    func handComputed() throws {
        let sample = try L2XRelaxation(k: 2, temperature: 1).relax(Self.theta, gumbel: Self.gumbel)
        let expected: [Float] = [1.0 / 2, 1.0 / 4, 3.0 / 5]
        for (value, truth) in zip(sample.values.values, expected) { #expect(abs(value - truth) < 1e-6) }
        // The first draw attains the maximum of the first two entries, the second that of the last.
        #expect(sample.winners == [0, 0, 1])
    }

    @Test("A small temperature gives the one-hot maximum of each draw, and their union")
    func smallTemperature() throws {
        let scores = Matrix(rows: 1, columns: 4, values: [0.3, -0.2, 0.1, 0])
        // Draw 1 peaks at entry 1 (−0.2 + 1), draw 2 at entry 3 (0 + 0.6).
        let gumbel: [Float] = [0, 1, 0, 0.2,  0.1, 0, 0.3, 0.6]
        let sample = try L2XRelaxation(k: 2, temperature: 1e-3).relax(scores, gumbel: gumbel)
        for (value, truth) in zip(sample.values.values, [Float(0), 1, 0, 1]) { #expect(abs(value - truth) < 1e-6) }
        // Two draws that peak at the same entry select it once.
        let same = try L2XRelaxation(k: 2, temperature: 1e-3).relax(scores, gumbel: [0, 1, 0, 0,  0, 2, 0, 0])
        for (value, truth) in zip(same.values.values, [Float(0), 1, 0, 0]) { #expect(abs(value - truth) < 1e-6) }
    }

    @Test("Backward pass against central finite differences", arguments: [(3, Float(0.5)), (1, Float(1)), (8, Float(2))])
    func backwardAgainstFiniteDifferences(k: Int, temperature: Float) throws {
        let relaxation = try L2XRelaxation(k: k, temperature: temperature)
        var random = TestRandom(seed: UInt64(k))
        let rows = 2, n = 12
        let theta = Matrix(rows: rows, columns: n, values: (0 ..< rows * n).map { _ in random.uniform(-1, 1) })
        var generator = SeededGenerator(seed: 9)
        let gumbel = relaxation.gumbelNoise(rows: rows, columns: n, using: &generator)
        let weights = (0 ..< rows * n).map { _ in random.uniform(-1, 1) }
        // L(θ) = Σ w ⊙ z̃ + ½ Σ z̃², so ∂L/∂z̃ = w + z̃.
        func loss(_ theta: Matrix) throws -> Double {
            let values = try relaxation.relax(theta, gumbel: gumbel).values.values
            return zip(values, weights).reduce(0.0) { $0 + Double($1.0) * Double($1.1) + Double($1.0 * $1.0) / 2 }
        }
        let sample = try relaxation.relax(theta, gumbel: gumbel)
        let upstream = Matrix(rows: rows, columns: n, values: zip(weights, sample.values.values).map(+))
        let analytic = try relaxation.scoreGradient(upstream, at: sample)
        let h: Float = 1e-3
        for index in 0 ..< rows * n {
            var up = theta, down = theta
            up.values[index] += h
            down.values[index] -= h
            let numeric = (try loss(up) - loss(down)) / (2 * Double(h))
            #expect(abs(numeric - Double(analytic.values[index])) < 2e-3, "entry \(index): \(numeric) vs \(analytic.values[index])")
        }
    }

    @Test("Bad settings and sizes are refused with typed errors")
    func badInput() throws {
        #expect(try #require(throws: ExampleError.self) { try L2XRelaxation(k: 0, temperature: 1) }.kind == .invalidArgument)
        #expect(try #require(throws: ExampleError.self) { try L2XRelaxation(k: 2, temperature: 0) }.kind == .invalidArgument)
        let relaxation = try L2XRelaxation(k: 2, temperature: 1)
        #expect(try #require(throws: ExampleError.self) { try relaxation.relax(Self.theta, gumbel: [0, 0, 0]) }.kind
                == .shapeMismatch)
    }
}
