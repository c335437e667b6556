extension LinearProgram {
    /// Lower and upper bounds of a variable or of a constraint's linear form; infinite
    /// values mean "unbounded on that side".
    ///
    /// ```swift
    /// let capacity = LinearProgram.Bounds.atMost(10)     // −∞ < a·z ≤ 10
    /// let oneOf = LinearProgram.Bounds.exactly(1)        // a·z = 1
    /// ```
    public struct Bounds: Sendable, Hashable {
        /// The lower bound (−∞ for none).
        public var lower: Double
        /// The upper bound (+∞ for none).
        public var upper: Double

        /// Bounds from `lower` to `upper` (both included).
        public init(lower: Double = -.infinity, upper: Double = .infinity) {
            self.lower = lower
            self.upper = upper
        }

        /// No bounds at all.
        public static let free = Bounds()
        /// Zero or more.
        public static let nonNegative = Bounds(lower: 0)
        /// `value` or more.
        public static func atLeast(_ value: Double) -> Bounds { Bounds(lower: value) }
        /// `value` or less.
        public static func atMost(_ value: Double) -> Bounds { Bounds(upper: value) }
        /// Between `lower` and `upper`, both included.
        public static func between(_ lower: Double, _ upper: Double) -> Bounds {
            Bounds(lower: lower, upper: upper)
        }
        /// Exactly `value`.
        public static func exactly(_ value: Double) -> Bounds { Bounds(lower: value, upper: value) }

        /// A reason these bounds are unusable, or `nil` when they are consistent.
        var inconsistency: String? {
            if lower.isNaN || upper.isNaN { return "a bound is NaN" }
            if lower == .infinity { return "the lower bound is +∞" }
            if upper == -.infinity { return "the upper bound is −∞" }
            if lower > upper { return "the lower bound \(lower) exceeds the upper bound \(upper)" }
            return nil
        }
    }
}
