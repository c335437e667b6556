/// How many instances the kit generates, from which seed, with which tolerance, and which
/// checks it runs.
///
/// ```swift
/// var configuration = ConformanceConfiguration(instanceCount: 100)
/// configuration.checks.remove(.sense)
/// ```
public struct ConformanceConfiguration: Sendable, Hashable {
    /// The number of generated instances.
    public var instanceCount: Int
    /// The seed of the generator handed to the instance generator (one stream per instance).
    public var seed: UInt64
    /// Objectives equal the optimum within `relativeTolerance · max(1, |optimum|)`.
    public var relativeTolerance: Double
    /// The thread counts whose results must agree.
    public var threadCounts: [Int]
    /// The checks to run.
    public var checks: Set<ConformanceCheck>

    /// Creates a configuration; every check runs by default.
    public init(instanceCount: Int = 30, seed: UInt64 = 0, relativeTolerance: Double = 1e-5,
                threadCounts: [Int] = [1, 2, 8], checks: Set<ConformanceCheck> = Set(ConformanceCheck.allCases)) {
        self.instanceCount = instanceCount
        self.seed = seed
        self.relativeTolerance = relativeTolerance
        self.threadCounts = threadCounts
        self.checks = checks
    }
}
