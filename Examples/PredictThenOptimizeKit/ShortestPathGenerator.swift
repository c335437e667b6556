import DifferentiableSolvers
import _ExampleSupport

/// Synthetic shortest-path data with PyEPO's formula (`pyepo.data.shortestpath.genData`):
/// p standard normal features per instance, one cost per arc of a rows × columns grid whose
/// arcs go east or south (40 arcs for 5 × 5), through ``PolynomialCostMap`` with scale 1.
///
/// Randomness is drawn in PyEPO's order — B, then the features, then the noise — from one
/// ``SeededGenerator``, so a seed fixes the data (it does not reproduce NumPy's stream;
/// load PyEPO's own arrays with ``DecisionDataset/read(from:)`` for that).
///
/// ```swift
/// let pairs = try ShortestPathGenerator(instances: 1000, features: 5, degree: 4, noiseWidth: 0.5,
///                                       seed: 135).generate()
/// pairs.costs.columns    // 40
/// ```
public struct ShortestPathGenerator: Sendable, Hashable {
    /// Instances, features, degree, noise and seed.
    public var recipe: PolynomialDataRecipe
    /// Grid rows.
    public var rows: Int
    /// Grid columns.
    public var columns: Int

    /// Creates a generator with PyEPO's `genData` arguments.
    public init(instances: Int, features: Int, rows: Int = 5, columns: Int = 5, degree: Int = 1,
                noiseWidth: Double = 0, seed: UInt64 = 135) {
        recipe = PolynomialDataRecipe(instances: instances, features: features, degree: degree, noiseWidth: noiseWidth,
                                      seed: seed)
        self.rows = rows
        self.columns = columns
    }

    /// The number of arcs, (rows − 1) · columns + (columns − 1) · rows.
    public var arcCount: Int { (rows - 1) * columns + (columns - 1) * rows }

    /// Draws the cost map and the data.
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for a grid smaller
    ///   than 1 × 2, no instances or features, a degree below 1 or a noise width outside [0, 1).
    public func generate() throws(ExampleError) -> FeatureCostPairs {
        try recipe.validate()
        guard rows >= 1, columns >= 1, rows * columns >= 2 else {
            throw ExampleError(.invalidArgument, "a \(rows) × \(columns) grid has no arcs")
        }
        var generator = SeededGenerator(seed: recipe.seed)
        let (map, x, costs) = recipe.draw(costs: arcCount, scale: 1, using: &generator)
        return FeatureCostPairs(features: x, costs: Matrix(rows: recipe.instances, columns: arcCount, values: costs.map { Float($0) }),
                                costMap: map)
    }
}

/// Features and true costs, as PyEPO's `genData` returns them, with the map that made them.
public struct FeatureCostPairs: Sendable {
    /// n × p features.
    public var features: Matrix
    /// n × d true costs.
    public var costs: Matrix
    /// The feature-to-cost map (B, degree, scale) the costs came from.
    public var costMap: PolynomialCostMap
}
