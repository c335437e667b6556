/// Edge precision and recall of a recovered tree against the true one: precision is the
/// fraction of recovered edges that are true, recall the fraction of true edges recovered.
/// (Between two spanning trees of the same graph both have n − 1 edges, so the two agree;
/// a random tree on 10 vertices scores 9/45 = 20 % on average.)
///
/// ```swift
/// let score = EdgeRecovery(predicted: [1, 1, 0], truth: [1, 0, 1])   // 0.5, 0.5
/// ```
public struct EdgeRecovery: Sendable, Hashable, Codable {
    /// True positives / predicted positives (0 when nothing is predicted).
    public let precision: Double
    /// True positives / actual positives (0 when there are none).
    public let recall: Double

    /// The scores of one prediction (indicators > 0.5 count as edges).
    public init(predicted: ArraySlice<Float>, truth: ArraySlice<Float>) {
        var hits = 0, predictedCount = 0, trueCount = 0
        for (p, t) in zip(predicted, truth) {
            let isPredicted = p > 0.5, isTrue = t > 0.5
            if isPredicted { predictedCount += 1 }
            if isTrue { trueCount += 1 }
            if isPredicted && isTrue { hits += 1 }
        }
        precision = predictedCount > 0 ? Double(hits) / Double(predictedCount) : 0
        recall = trueCount > 0 ? Double(hits) / Double(trueCount) : 0
    }

    /// Scores with the given values.
    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    /// The mean scores of several predictions.
    public static func mean(_ scores: [EdgeRecovery]) -> EdgeRecovery {
        let count = Double(max(scores.count, 1))
        return EdgeRecovery(precision: scores.map(\.precision).reduce(0, +) / count,
                            recall: scores.map(\.recall).reduce(0, +) / count)
    }
}
