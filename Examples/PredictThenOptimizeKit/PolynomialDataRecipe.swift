import DifferentiableSolvers
import _ExampleSupport

/// What PyEPO's `genData` functions share: n instances of p standard normal features whose
/// costs come from a degree-`deg` ``PolynomialCostMap`` with multiplicative noise of
/// half-width w, all drawn from one seed — and the draw itself (B, then the features, then
/// the noisy costs), which ``ShortestPathGenerator`` and ``KnapsackGenerator`` both make.
///
/// The generators build it from their `genData` arguments:
///
/// ```swift
/// let generator = ShortestPathGenerator(instances: 1000, features: 5, degree: 4, noiseWidth: 0.5, seed: 135)
/// generator.recipe.noiseWidth    // 0.5
/// ```
public struct PolynomialDataRecipe: Sendable, Hashable {
    /// The number of instances n.
    public var instances: Int
    /// The number of features p.
    public var features: Int
    /// The polynomial degree.
    public var degree: Int
    /// The half-width of the multiplicative noise.
    public var noiseWidth: Double
    /// The seed.
    public var seed: UInt64

    /// Checks the arguments.
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for no instances or features, a
    ///   degree below 1 or a noise width outside [0, 1).
    func validate() throws(ExampleError) {
        guard instances >= 1 else {
            throw ExampleError(.invalidArgument, "the number of instances must be at least 1 (got \(instances))")
        }
        guard features >= 1 else {
            throw ExampleError(.invalidArgument, "the number of features must be at least 1 (got \(features))")
        }
        guard degree >= 1 else {
            throw ExampleError(.invalidArgument, "the polynomial degree must be a positive integer (got \(degree))")
        }
        guard noiseWidth >= 0, noiseWidth < 1 else {
            throw ExampleError(.invalidArgument, "the noise half-width must be in [0, 1) (got \(noiseWidth))")
        }
    }

    /// Draws, in PyEPO's order, B for `costs` cost entries, the n × p features and the noisy
    /// costs (n × `costs`, row-major), continuing `generator`.
    func draw(costs: Int, scale: Double, using generator: inout SeededGenerator)
        -> (map: PolynomialCostMap, features: Matrix, costs: [Double]) {
        let map = PolynomialCostMap(
            coefficients: PolynomialCostMap.randomCoefficients(costs: costs, features: features, using: &generator),
            degree: degree, scale: scale)
        let x = PolynomialCostMap.normalFeatures(instances: instances, features: features, using: &generator)
        return (map, x, map.costs(features: x, noiseWidth: noiseWidth, using: &generator))
    }
}
