/// How well predicted paths match the true ones, over a set of instances.
///
/// A predicted path is *cost-optimal* when its cost under the true weights is within a
/// relative 10⁻⁶ of the optimum — ties count, which is the accuracy the IMLE paper reports
/// for Warcraft; it is a *perfect match* when its mask equals the label's.
public struct PathMetrics: Sendable, Codable, Equatable {
    /// The number of instances.
    public var count = 0
    /// Fraction of predicted paths with optimal true cost.
    public var costOptimal = 0.0
    /// Fraction of predicted masks equal to the label.
    public var perfectMatch = 0.0
    /// Mean of (true cost of the predicted path − optimum) / optimum.
    public var normalizedRegret = 0.0
    /// Fraction of cells whose predicted membership is right.
    public var cellAccuracy = 0.0
    /// Mean number of mismatching cells per instance (the Hamming loss).
    public var hammingLoss = 0.0

    /// Empty metrics, to be filled by ``add(predicted:label:weights:)``.
    public init() {}

    /// Tolerance of the cost-optimality test, relative to the optimum.
    public static let relativeTolerance = 1e-6

    /// Adds one instance: its predicted mask, true mask and true weights (same length).
    public mutating func add(predicted: some Collection<Float>, label: some Collection<Float>, weights: some Collection<Float>) {
        var predictedCost = 0.0, optimum = 0.0, mismatches = 0
        for ((p, y), w) in zip(zip(predicted, label), weights) {
            predictedCost += Double(p) * Double(w)
            optimum += Double(y) * Double(w)
            if p != y { mismatches += 1 }
        }
        let n = Double(count)
        func running(_ mean: Double, _ value: Double) -> Double { (mean * n + value) / (n + 1) }
        let regret = optimum > 0 ? (predictedCost - optimum) / optimum : 0
        costOptimal = running(costOptimal, regret <= Self.relativeTolerance ? 1 : 0)
        perfectMatch = running(perfectMatch, mismatches == 0 ? 1 : 0)
        normalizedRegret = running(normalizedRegret, regret)
        cellAccuracy = running(cellAccuracy, 1 - Double(mismatches) / Double(max(label.count, 1)))
        hammingLoss = running(hammingLoss, Double(mismatches))
        count += 1
    }
}
