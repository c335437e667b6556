/// The values a variable of a ``LinearProgram`` may take.
///
/// ```swift
/// let pick = LinearProgram.Variable.binary()                        // z ∈ {0, 1}
/// let count = LinearProgram.Variable.integer(bounds: .between(0, 9))
/// let share = LinearProgram.Variable.continuous(bounds: .between(0, 1))
/// ```
public enum VariableKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Any real value within the bounds.
    case continuous
    /// Any integer within the bounds.
    case integer
    /// 0 or 1 (bounds must be 0...1).
    case binary
}
