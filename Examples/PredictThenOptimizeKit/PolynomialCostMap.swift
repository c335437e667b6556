import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// PyEPO's map from features to costs (Tang & Khalil, "PyEPO", `pyepo.data.shortestpath`
/// and `pyepo.data.knapsack`): with a 0/1 matrix B (d × p) and a feature vector x ∈ ℝᵖ,
///
///     c_j = scale · [(Σₖ B_jk x_k / √p + 3)^deg + 1] / 3.5^deg · ε_j,
///
/// where ε_j is a multiplicative noise factor drawn uniformly from [1 − w, 1 + w]. Shortest
/// path uses scale 1; knapsack uses scale 5 and rounds the result up to an integer.
///
/// ```swift
/// let map = PolynomialCostMap(coefficients: b, degree: 4, scale: 1)
/// let cost = map.noiselessCost(features: x, item: 3)
/// ```
public struct PolynomialCostMap: Sendable, Hashable {
    /// B, one row per cost entry, one column per feature; entries 0 or 1.
    public let coefficients: Matrix
    /// The polynomial degree `deg` (≥ 1).
    public let degree: Int
    /// The factor in front of the polynomial (1 for shortest path, 5 for knapsack).
    public let scale: Double

    /// Creates the map.
    public init(coefficients: Matrix, degree: Int, scale: Double) {
        self.coefficients = coefficients
        self.degree = degree
        self.scale = scale
    }

    /// Draws B with independent Bernoulli(0.5) entries.
    public static func randomCoefficients(costs: Int, features: Int, using generator: inout SeededGenerator) -> Matrix {
        Matrix(rows: costs, columns: features,
               values: (0 ..< costs * features).map { _ in generator.nextUniform() < 0.5 ? 1 : 0 })
    }

    /// The cost of entry `item` before noise, for one feature vector.
    public func noiselessCost(features x: [Float], item j: Int) -> Double {
        let p = coefficients.columns
        var inner = 0.0
        for k in 0..<p { inner += Double(coefficients[j, k]) * Double(x[k]) }
        let base = inner / Double(p).squareRoot() + 3
        return scale * (pow(base, Double(degree)) + 1) / pow(3.5, Double(degree))
    }

    /// Costs for every row of `features` (n × p), each entry multiplied by a noise factor
    /// from U[1 − `noiseWidth`, 1 + `noiseWidth`] drawn in row-major order.
    public func costs(features: Matrix, noiseWidth: Double, using generator: inout SeededGenerator) -> [Double] {
        let d = coefficients.rows
        var values = [Double](repeating: 0, count: features.rows * d)
        for i in 0..<features.rows {
            let x = features.row(i)
            for j in 0..<d {
                let factor = 1 - noiseWidth + 2 * noiseWidth * generator.nextUniform()
                values[i * d + j] = noiselessCost(features: x, item: j) * factor
            }
        }
        return values
    }

    /// Standard normal features, n × p, drawn in row-major order.
    static func normalFeatures(instances: Int, features: Int, using generator: inout SeededGenerator) -> Matrix {
        Matrix(rows: instances, columns: features,
               values: (0 ..< instances * features).map { _ in Float(generator.nextNormal()) })
    }
}
