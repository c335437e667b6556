import ArgumentParser

/// A list option whose values are written comma-separated, as the examples' command lines
/// (and the commands recorded with their results) write them: `--methods spo+,aimle-fwd`.
///
/// Each item is parsed by its element type (see ``ListArgument``); a list without items or
/// with an empty one (`""`, `","`, `"1,,2"`) is refused, as is any item the element type
/// refuses. Declare the option with ``parse(_:)`` as its transform so that the user reads why.
///
/// ```swift
/// @Option(help: "IMLE λ grid (comma-separated).", transform: CommaSeparated.parse)
/// var lambdas: CommaSeparated<Float> = "1,10,100"
/// ```
public struct CommaSeparated<Element: ListArgument>: ExpressibleByArgument, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// The values, in the order written.
    public let values: [Element]
    /// How the list is written on a command line (and shown as a default in help).
    public let text: String

    /// Parses a comma-separated list, saying what is wrong with it.
    ///
    /// Pass it as the option's `transform`, so that a refused list is reported with the
    /// reason rather than only as invalid:
    /// `@Option(help: "…", transform: CommaSeparated.parse) var methods: CommaSeparated<Method> = "all"`.
    ///
    /// - Parameter argument: The option's value, e.g. `aimle-central,blackbox`.
    /// - Throws: ``ExampleError`` for an empty list, an empty item, or the first item the
    ///   element type refuses (with the element type's reason).
    public static func parse(_ argument: String) throws(ExampleError) -> Self {
        let items = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
        guard items.contains(where: { !$0.isEmpty }) else { throw ExampleError(.invalidArgument, "the list needs at least one value") }
        guard !items.contains(where: \.isEmpty) else { throw ExampleError(.invalidArgument, "the list has an empty item") }
        var values: [Element] = []
        for item in items { values += try Element.values(parsing: item) }
        return Self(values: values, text: argument)
    }

    /// Parses a comma-separated list; `nil` where ``parse(_:)`` throws.
    public init?(argument: String) {
        guard let list = try? Self.parse(argument) else { return nil }
        self = list
    }

    private init(values: [Element], text: String) {
        self.values = values
        self.text = text
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

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
