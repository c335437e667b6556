/// What a successful conformance run checked.
public struct ConformanceReport: Sendable, Hashable, CustomStringConvertible {
    /// The number of instances generated.
    public var instances: Int = 0
    /// The number of θ rows solved and compared with brute force.
    public var rows: Int = 0
    /// How many times each check ran (and passed).
    public var passed: [ConformanceCheck: Int] = [:]

    /// An empty report.
    public init() {}

    /// "N instances, M rows: " and the passed count of every check.
    public var description: String {
        let counts = passed.keys.sorted().map { "\($0.rawValue) ×\(passed[$0]!)" }
        return "\(instances) instances, \(rows) rows: " + counts.joined(separator: ", ")
    }

    mutating func record(_ check: ConformanceCheck) { passed[check, default: 0] += 1 }
}
