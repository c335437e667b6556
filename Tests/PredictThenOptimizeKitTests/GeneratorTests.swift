import DifferentiableSolvers
import Foundation
import PredictThenOptimizeKit
import _TestSupport
import Testing
import _ExampleSupport

@Suite("PyEPO data generators")
struct GeneratorTests {
    @Test("the cost map reproduces a hand-computed instance")
    func handComputedCosts() {
        // B = [[1, 0], [1, 1]], p = 2, deg = 2, x = (1, −1):
        // c₀ = ((1/√2 + 3)² + 1) / 3.5² = 14.742640687 / 12.25, c₁ = ((0 + 3)² + 1) / 12.25.
        let b = Matrix(rows: 2, columns: 2, values: [1, 0, 1, 1])
        let shortestPath = PolynomialCostMap(coefficients: b, degree: 2, scale: 1)
        #expect(isApproximatelyEqual(shortestPath.noiselessCost(features: [1, -1], item: 0), 14.742640687 / 12.25, relative: 1e-7))
        #expect(isApproximatelyEqual(shortestPath.noiselessCost(features: [1, -1], item: 1), 10 / 12.25, relative: 1e-7))
        let knapsack = PolynomialCostMap(coefficients: b, degree: 2, scale: 5)
        #expect(isApproximatelyEqual(knapsack.noiselessCost(features: [1, -1], item: 1), 50 / 12.25, relative: 1e-7))
        // deg = 1, B = [1, 1, 1], x = (0.5, 0.5, 0.5): ((1.5/√3 + 3) + 1) / 3.5.
        let linear = PolynomialCostMap(coefficients: Matrix(rows: 1, columns: 3, values: [1, 1, 1]), degree: 1, scale: 1)
        #expect(isApproximatelyEqual(linear.noiselessCost(features: [0.5, 0.5, 0.5], item: 0),
                                     (1.5 / 3.0.squareRoot() + 4) / 3.5, relative: 1e-7))
    }

    @Test("shortest-path data: shapes, B, features, and noise within its half-width around the formula")
    func shortestPathStatistics() throws {
        let generator = ShortestPathGenerator(instances: 2000, features: 5, degree: 4, noiseWidth: 0.5, seed: 7)
        let pairs = try generator.generate()
        #expect(pairs.features.rows == 2000 && pairs.features.columns == 5)
        #expect(pairs.costs.rows == 2000 && pairs.costs.columns == 40)
        let b = pairs.costMap.coefficients
        #expect(b.rows == 40 && b.columns == 5 && b.values.allSatisfy { $0 == 0 || $0 == 1 })
        let ones = b.values.reduce(0, +) / Float(b.values.count)
        #expect(abs(ones - 0.5) < 0.12)                             // 200 Bernoulli(0.5): σ ≈ 0.035
        let x = pairs.features.values.map(Double.init)
        let moments = MethodSummary.meanAndDeviation(x)
        #expect(abs(moments.mean) < 0.05 && abs(moments.deviation - 1) < 0.05)
        // Noise factors c / formula are U[0.5, 1.5]: within the range, mean 1, variance w²/3.
        var ratios: [Double] = []
        for i in 0..<pairs.costs.rows {
            let row = pairs.features.row(i)
            for j in 0..<40 { ratios.append(Double(pairs.costs[i, j]) / pairs.costMap.noiselessCost(features: row, item: j)) }
        }
        #expect(ratios.allSatisfy { $0 >= 0.5 - 1e-6 && $0 <= 1.5 + 1e-6 })
        let noise = MethodSummary.meanAndDeviation(ratios)
        #expect(abs(noise.mean - 1) < 0.01)
        #expect(abs(noise.deviation * noise.deviation - 0.25 / 3) < 0.005)
    }

    @Test("without noise the costs are the formula exactly; the seed fixes the data")
    func noiselessAndSeeded() throws {
        let pairs = try ShortestPathGenerator(instances: 50, features: 3, rows: 3, columns: 4, degree: 2, seed: 1).generate()
        #expect(pairs.costs.columns == 2 * 4 + 3 * 3)
        for i in 0..<50 {
            for j in 0..<pairs.costs.columns {
                let expected = Float(pairs.costMap.noiselessCost(features: pairs.features.row(i), item: j))
                #expect(pairs.costs[i, j] == expected)
            }
        }
        let again = try ShortestPathGenerator(instances: 50, features: 3, rows: 3, columns: 4, degree: 2, seed: 1).generate()
        let other = try ShortestPathGenerator(instances: 50, features: 3, rows: 3, columns: 4, degree: 2, seed: 2).generate()
        #expect(again.costs == pairs.costs && again.features == pairs.features)
        #expect(other.features != pairs.features)
    }

    @Test("knapsack data: weights in hundredths from 3.00 to 7.99, values the formula rounded up")
    func knapsackStatistics() throws {
        let data = try KnapsackGenerator(instances: 300, features: 5, items: 32, dimensions: 2, degree: 4, seed: 3).generate()
        #expect(data.weightHundredths.rows == 2 && data.weightHundredths.columns == 32)
        #expect(data.weightHundredths.values.allSatisfy { $0 >= 300 && $0 <= 799 && $0 == $0.rounded() })
        #expect(data.weights[1, 5] == data.weightHundredths[1, 5] / 100)
        for i in 0..<300 {
            for j in 0..<32 {
                let formula = data.pairs.costMap.noiselessCost(features: data.pairs.features.row(i), item: j)
                #expect(Double(data.pairs.costs[i, j]) == formula.rounded(.up))
            }
        }
        let noisy = try KnapsackGenerator(instances: 300, features: 5, items: 32, dimensions: 2, degree: 4,
                                          noiseWidth: 0.5, seed: 3).generate()
        #expect(noisy.pairs.costs.values.allSatisfy { $0 >= 1 && $0 == $0.rounded() })
        #expect(noisy.weightHundredths == data.weightHundredths)    // weights are drawn first
    }

    @Test("bad arguments are typed errors")
    func badArguments() {
        func kind(_ body: () throws -> Void) -> ExampleError.Kind? {
            do { try body(); return nil } catch { return (error as? ExampleError)?.kind }
        }
        #expect(kind { _ = try ShortestPathGenerator(instances: 10, features: 5, degree: 0).generate() } == .invalidArgument)
        #expect(kind { _ = try ShortestPathGenerator(instances: 10, features: 5, noiseWidth: 1).generate() } == .invalidArgument)
        #expect(kind { _ = try ShortestPathGenerator(instances: 0, features: 5).generate() } == .invalidArgument)
        #expect(kind { _ = try ShortestPathGenerator(instances: 5, features: 5, rows: 1, columns: 1).generate() } == .invalidArgument)
        #expect(kind { _ = try KnapsackGenerator(instances: 10, features: 5, items: 0).generate() } == .invalidArgument)
    }

    @Test("method names: each raw value, all, nothing else")
    func methodNames() {
        for method in TrainingMethod.allCases { #expect(TrainingMethod.named(method.rawValue) == [method]) }
        #expect(TrainingMethod.named("all") == TrainingMethod.allCases)
        #expect(TrainingMethod.named("nonsense") == nil)
        #expect(TrainingMethod.named("spo+,dbb") == nil)
    }
}
