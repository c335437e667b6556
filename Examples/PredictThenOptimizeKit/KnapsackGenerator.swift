import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// Synthetic multi-dimensional 0/1 knapsack data with PyEPO's formula
/// (`pyepo.data.knapsack.genData`): item weights fixed across instances, drawn uniformly
/// from {3.00, 3.01, …, 7.99} per resource; item values from ``PolynomialCostMap`` with
/// scale 5, rounded up to integers. The decision maximises the total value subject to one
/// capacity per resource.
///
/// Weights are kept as integer hundredths (``weightHundredths``), so the dynamic-programming
/// ``Knapsack`` solver sees the exact problem (capacity · 100).
///
/// ```swift
/// let data = try KnapsackGenerator(instances: 1000, features: 5, items: 32, dimensions: 2,
///                                  degree: 4, noiseWidth: 0.5, seed: 135).generate()
/// data.weights.rows     // 2
/// ```
public struct KnapsackGenerator: Sendable, Hashable {
    /// Instances, features, degree, noise and seed.
    public var recipe: PolynomialDataRecipe
    /// The number of items m.
    public var items: Int
    /// The number of resources (constraints).
    public var dimensions: Int

    /// Creates a generator with PyEPO's `genData` arguments.
    public init(instances: Int, features: Int, items: Int, dimensions: Int = 1, degree: Int = 1,
                noiseWidth: Double = 0, seed: UInt64 = 135) {
        recipe = PolynomialDataRecipe(instances: instances, features: features, degree: degree, noiseWidth: noiseWidth,
                                      seed: seed)
        self.items = items
        self.dimensions = dimensions
    }

    /// Draws the weights, the cost map and the data.
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for no items,
    ///   resources, instances or features, a degree below 1 or a noise width outside [0, 1).
    public func generate() throws(ExampleError) -> KnapsackData {
        try recipe.validate()
        guard items >= 1, dimensions >= 1 else {
            throw ExampleError(.invalidArgument,
                                           "a knapsack needs at least one item and one resource (got \(items) items, \(dimensions) resources)")
        }
        var generator = SeededGenerator(seed: recipe.seed)
        let hundredths = (0 ..< dimensions * items).map { _ in 300 + Int(generator.next() % 500) }
        let (map, x, values) = recipe.draw(costs: items, scale: 5, using: &generator)
        let costs = values.map { Float($0.rounded(.up)) }
        return KnapsackData(
            pairs: FeatureCostPairs(features: x, costs: Matrix(rows: recipe.instances, columns: items, values: costs), costMap: map),
            weightHundredths: Matrix(rows: dimensions, columns: items, values: hundredths.map(Float.init)))
    }
}

/// Knapsack features and values together with the item weights.
public struct KnapsackData: Sendable {
    /// Features and (integer) item values.
    public var pairs: FeatureCostPairs
    /// Weights in hundredths, resources × items (integers stored as `Float`).
    public var weightHundredths: Matrix

    /// The weights as PyEPO stores them (resources × items, hundredths / 100).
    public var weights: Matrix {
        Matrix(rows: weightHundredths.rows, columns: weightHundredths.columns,
               values: weightHundredths.values.map { $0 / 100 })
    }
}
