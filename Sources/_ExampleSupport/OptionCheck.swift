/// A command-line value an example refuses, with the option it was given to.
///
/// Thrown from the examples' `validate()`, so that every argument list ends in a message
/// and a non-zero exit, never in a trap later on.
///
/// ```swift
/// let counts = try OptionCheck.integers("1,10,100", option: "--samples", in: 1 ... 1_000_000)
/// ```
public struct OptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The option, e.g. `--samples`.
    public let option: String
    /// What is wrong with its value.
    public let message: String

    /// Creates an error.
    public init(option: String, _ message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { "\(option): \(message)" }
}

/// Checks and parses the examples' option values: single numbers in a range, and
/// comma-separated lists that must hold at least one well-formed item.
public enum OptionCheck {
    /// The trimmed items of a comma-separated list.
    ///
    /// - Throws: ``OptionError`` for a list without items ("", ",") or with an empty item ("1,,2").
    public static func items(_ text: String, option: String) throws(OptionError) -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters() }
        guard items.contains(where: { !$0.isEmpty }) else {
            throw OptionError(option: option, "needs at least one value (got \"\(text)\")")
        }
        guard !items.contains(where: \.isEmpty) else {
            throw OptionError(option: option, "has an empty item in \"\(text)\"")
        }
        return items
    }

    /// A non-empty list of integers, each in `range`.
    ///
    /// - Throws: ``OptionError`` for an empty list, an item that is not an integer, or one out of range.
    public static func integers(_ text: String, option: String, in range: ClosedRange<Int>) throws(OptionError) -> [Int] {
        var values: [Int] = []
        for item in try items(text, option: option) {
            guard let value = Int(item) else { throw OptionError(option: option, "'\(item)' is not an integer") }
            try check(value, option: option, in: range)
            values.append(value)
        }
        return values
    }

    /// A non-empty list of finite numbers, each in `range` and, when `exclusiveLowerBound`,
    /// different from its lower bound.
    ///
    /// - Throws: ``OptionError`` for an empty list, an item that is not a number, NaN,
    ///   an infinity, or a number out of range.
    public static func numbers(_ text: String, option: String, in range: ClosedRange<Double>,
                               exclusiveLowerBound: Bool = false) throws(OptionError) -> [Double] {
        var values: [Double] = []
        for item in try items(text, option: option) {
            guard let value = Double(item) else { throw OptionError(option: option, "'\(item)' is not a number") }
            try check(value, option: option, in: range, exclusiveLowerBound: exclusiveLowerBound)
            values.append(value)
        }
        return values
    }

    /// A non-empty list of names from a vocabulary, in the order given.
    ///
    /// - Throws: ``OptionError`` for an empty list or an unknown name (listing the known ones).
    public static func choices<Choice: RawRepresentable & CaseIterable>(
        _ text: String, option: String, as type: Choice.Type = Choice.self
    ) throws(OptionError) -> [Choice] where Choice.RawValue == String {
        var values: [Choice] = []
        for item in try items(text, option: option) {
            guard let value = Choice(rawValue: item) else {
                let known = Choice.allCases.map(\.rawValue).joined(separator: ", ")
                throw OptionError(option: option, "unknown value '\(item)'; choose from \(known)")
            }
            values.append(value)
        }
        return values
    }

    /// Checks that an integer lies in `range`.
    ///
    /// - Throws: ``OptionError`` naming the range.
    public static func check(_ value: Int, option: String, in range: ClosedRange<Int>) throws(OptionError) {
        guard range.contains(value) else {
            throw OptionError(option: option, "must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
    }

    /// Checks that a number is finite, lies in `range` and, when `exclusiveLowerBound`,
    /// differs from its lower bound.
    ///
    /// - Throws: ``OptionError`` naming the range.
    public static func check(_ value: Double, option: String, in range: ClosedRange<Double>,
                             exclusiveLowerBound: Bool = false) throws(OptionError) {
        let above = exclusiveLowerBound ? value > range.lowerBound : value >= range.lowerBound
        guard value.isFinite, above, value <= range.upperBound else {
            let lower = exclusiveLowerBound ? "more than \(range.lowerBound)" : "at least \(range.lowerBound)"
            throw OptionError(option: option, "must be a finite number \(lower) and at most \(range.upperBound) (got \(value))")
        }
    }

    /// Checks a `Float` option like ``check(_:option:in:exclusiveLowerBound:)-(Double,_,_,_)``.
    public static func check(_ value: Float, option: String, in range: ClosedRange<Double>,
                             exclusiveLowerBound: Bool = false) throws(OptionError) {
        try check(Double(value), option: option, in: range, exclusiveLowerBound: exclusiveLowerBound)
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
