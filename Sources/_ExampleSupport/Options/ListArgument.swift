import ArgumentParser

/// A command-line value that can stand in a comma-separated list, where one item may also
/// name several values (`all`).
///
/// Every vocabulary of the examples — estimators, noises, problems, latents, numbers — is
/// parsed by its type's `ExpressibleByArgument` conformance, in one place; a
/// ``CommaSeparated`` list parses each of its items through it and reports the first item
/// it refuses with what was expected.
///
/// ```swift
/// extension TrainingMethod: ListArgument {
///     public static func values(parsing item: String) throws(ExampleError) -> [TrainingMethod] {
///         guard let methods = named(item) else { throw ExampleError(.invalidArgument, "unknown method '\(item)'") }
///         return methods
///     }
/// }
/// ```
public protocol ListArgument: ExpressibleByArgument {
    /// The values one trimmed list item stands for.
    ///
    /// - Parameter item: One item of the list, without surrounding spaces.
    /// - Returns: The values the item names, in order (by default the one value
    ///   `init(argument:)` parses).
    /// - Throws: ``ExampleError`` of kind `.invalidArgument` that says what the item should
    ///   have been.
    static func values(parsing item: String) throws(ExampleError) -> [Self]
}

extension ListArgument {
    public static func values(parsing item: String) throws(ExampleError) -> [Self] {
        guard let value = Self(argument: item) else {
            let known = allValueStrings
            throw ExampleError(.invalidArgument, known.isEmpty
                ? "'\(item)' is not a valid \(Self.self)"
                : "unknown item '\(item)'; choose from \(known.joined(separator: ", "))")
        }
        return [value]
    }
}

extension Int: ListArgument {}
extension Double: ListArgument {}
extension Float: ListArgument {}
