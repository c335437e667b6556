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
    /// The number of instances n.
    public var instances: Int
    /// The number of features p.
    public var features: Int
    /// The number of items m.
    public var items: Int
    /// The number of resources (constraints).
    public var dimensions: Int
    /// The polynomial degree.
    public var degree: Int
    /// The half-width of the multiplicative noise.
    public var noiseWidth: Double
    /// The seed.
    public var seed: UInt64

    /// Creates a generator with PyEPO's `genData` arguments.
    public init(instances: Int, features: Int, items: Int, dimensions: Int = 1, degree: Int = 1,
                noiseWidth: Double = 0, seed: UInt64 = 135) {
        self.instances = instances
        self.features = features
        self.items = items
        self.dimensions = dimensions
        self.degree = degree
        self.noiseWidth = noiseWidth
        self.seed = seed
    }

    /// Draws the weights, the cost map and the data.
    ///
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` for no items,
    ///   resources, instances or features, a degree below 1 or a noise width outside [0, 1).
    public func generate() throws(ExampleError) -> KnapsackData {
        try PolynomialCostMap.validate(instances: instances, features: features, degree: degree, noiseWidth: noiseWidth)
        guard items >= 1, dimensions >= 1 else {
            throw ExampleError(.invalidArgument,
                                           "a knapsack needs at least one item and one resource (got \(items) items, \(dimensions) resources)")
        }
        var generator = SeededGenerator(seed: seed)
        let hundredths = (0 ..< dimensions * items).map { _ in 300 + Int(generator.next() % 500) }
        let map = PolynomialCostMap(
            coefficients: PolynomialCostMap.randomCoefficients(costs: items, features: features, using: &generator),
            degree: degree, scale: 5)
        let x = PolynomialCostMap.normalFeatures(instances: instances, features: features, using: &generator)
        let costs = map.costs(features: x, noiseWidth: noiseWidth, using: &generator).map { Float($0.rounded(.up)) }
        return KnapsackData(
            pairs: FeatureCostPairs(features: x, costs: Matrix(rows: instances, columns: items, values: costs), costMap: map),
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
