/// Mean and sample standard deviation of a method's runs over seeds: one row of the
/// benchmark table.
///
/// ```swift
/// let rows = MethodSummary.summarize(runs)
/// rows[0].regretMean
/// ```
public struct MethodSummary: Sendable, Hashable, Codable {
    /// The method.
    public var method: TrainingMethod
    /// The number of runs (seeds).
    public var runs: Int
    /// Mean normalised test regret after training.
    public var regretMean: Double
    /// Its standard deviation over seeds (n − 1 in the denominator; 0 for one run).
    public var regretStandardDeviation: Double
    /// Mean training wall time in seconds.
    public var secondsMean: Double
    /// Its standard deviation over seeds.
    public var secondsStandardDeviation: Double

    /// One row per method, in the order the methods first appear in `runs`.
    public static func summarize(_ runs: [TrainingRun]) -> [MethodSummary] {
        var order: [TrainingMethod] = []
        for run in runs where !order.contains(run.method) { order.append(run.method) }
        return order.map { method in
            let mine = runs.filter { $0.method == method }
            let regret = meanAndDeviation(mine.map(\.finalRegret))
            let seconds = meanAndDeviation(mine.map(\.trainingSeconds))
            return MethodSummary(method: method, runs: mine.count, regretMean: regret.mean,
                                 regretStandardDeviation: regret.deviation, secondsMean: seconds.mean,
                                 secondsStandardDeviation: seconds.deviation)
        }
    }

    /// Mean and sample standard deviation.
    public static func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, 0) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / Double(values.count - 1)).squareRoot())
    }
}
