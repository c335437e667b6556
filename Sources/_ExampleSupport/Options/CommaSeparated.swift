import ArgumentParser

/// A list option whose values are written comma-separated, as the examples' command lines
/// (and the commands recorded with their results) write them: `--methods spo+,aimle-fwd`.
///
/// Each item is parsed by its element type (see ``ListArgument``); a list without items or
/// with an empty one (`""`, `","`, `"1,,2"`) is refused, as is any item the element type
/// refuses.
///
/// ```swift
/// @Option(help: "IMLE λ grid (comma-separated).")
/// var lambdas: CommaSeparated<Float> = "1,10,100"
/// ```
public struct CommaSeparated<Element: ListArgument>: ExpressibleByArgument, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// The values, in the order written.
    public let values: [Element]
    /// How the list is written on a command line (and shown as a default in help).
    public let text: String

    /// Parses a comma-separated list.
    ///
    /// - Parameter argument: The option's value, e.g. `aimle-central,blackbox`.
    /// - Returns: `nil` for an empty list, an empty item or an item the element type refuses.
    public init?(argument: String) {
        guard let items = try? OptionCheck.items(argument, option: "") else { return nil }
        var values: [Element] = []
        for item in items {
            guard let named = Element.values(parsing: item) else { return nil }
            values += named
        }
        self.values = values
        self.text = argument
    }

    /// A list of the given values.
    public init(_ values: [Element]) {
        self.values = values
        text = values.map(\.defaultValueDescription).joined(separator: ",")
    }

    /// A default written as on a command line.
    ///
    /// - Precondition: `value` is a well-formed list (a programmer's literal, not user input).
    public init(stringLiteral value: String) {
        guard let list = Self(argument: value) else { preconditionFailure("'\(value)' is not a list of \(Element.self)") }
        self = list
    }

    /// A default given as values.
    public init(arrayLiteral elements: Element...) { self.init(elements) }

    public var defaultValueDescription: String { text }
}

extension CommaSeparated: Sendable where Element: Sendable {}
