/// A property the solver under test violates: which check, on which instance and row, and
/// what was expected.
///
/// Tests in any framework can rethrow it or print it:
///
/// ```swift
/// #expect(throws: Never.self) { try SolverConformance.check(instances: makeInstance) }
/// ```
public struct ConformanceFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The violated check; `nil` when the test setup itself is wrong (e.g. no feasible states).
    public var check: ConformanceCheck?
    /// What went wrong.
    public var message: String
    /// The index of the generated instance.
    public var instance: Int?
    /// The θ row within the instance.
    public var row: Int?

    /// Creates a failure.
    public init(_ check: ConformanceCheck?, _ message: String, instance: Int? = nil, row: Int? = nil) {
        self.check = check
        self.message = message
        self.instance = instance
        self.row = row
    }

    /// The check, where it failed (instance and row, when known) and the message.
    public var description: String {
        var location: [String] = []
        if let instance { location.append("instance \(instance)") }
        if let row { location.append("row \(row)") }
        let place = location.isEmpty ? "" : " (\(location.joined(separator: ", ")))"
        return "\(check?.rawValue ?? "setup") failed\(place): \(message)"
    }
}
