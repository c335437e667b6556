/// Checks the examples' option values: numbers, and the numbers of comma-separated lists
/// (see ``CommaSeparated``), in a range.
public enum OptionCheck {
    /// Checks that every value of a list lies in `range`.
    ///
    /// - Throws: ``ExampleError`` naming the range and the first value out of it.
    public static func check(_ list: CommaSeparated<Int>, option: String, in range: ClosedRange<Int>) throws(ExampleError) {
        for value in list.values { try check(value, option: option, in: range) }
    }

    /// Checks that every number of a list is finite, lies in `range` and, when
    /// `exclusiveLowerBound`, differs from its lower bound.
    ///
    /// - Throws: ``ExampleError`` naming the range and the first number out of it.
    public static func check(_ list: CommaSeparated<Double>, option: String, in range: ClosedRange<Double>,
                             exclusiveLowerBound: Bool = false) throws(ExampleError) {
        for value in list.values { try check(value, option: option, in: range, exclusiveLowerBound: exclusiveLowerBound) }
    }

    /// Checks that an integer lies in `range`.
    ///
    /// - Throws: ``ExampleError`` naming the range.
    public static func check(_ value: Int, option: String, in range: ClosedRange<Int>) throws(ExampleError) {
        guard range.contains(value) else {
            throw ExampleError(option: option, "must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
    }

    /// Checks that a number is finite, lies in `range` and, when `exclusiveLowerBound`,
    /// differs from its lower bound.
    ///
    /// - Throws: ``ExampleError`` naming the range.
    public static func check(_ value: Double, option: String, in range: ClosedRange<Double>,
                             exclusiveLowerBound: Bool = false) throws(ExampleError) {
        let above = exclusiveLowerBound ? value > range.lowerBound : value >= range.lowerBound
        guard value.isFinite, above, value <= range.upperBound else {
            let lower = exclusiveLowerBound ? "more than \(range.lowerBound)" : "at least \(range.lowerBound)"
            throw ExampleError(option: option, "must be a finite number \(lower) and at most \(range.upperBound) (got \(value))")
        }
    }

    /// Checks a `Float` option like ``check(_:option:in:exclusiveLowerBound:)-(Double,_,_,_)``.
    public static func check(_ value: Float, option: String, in range: ClosedRange<Double>,
                             exclusiveLowerBound: Bool = false) throws(ExampleError) {
        try check(Double(value), option: option, in: range, exclusiveLowerBound: exclusiveLowerBound)
    }
}
