import ArgumentParser

/// A command-line value that can stand in a comma-separated list, where one item may also
/// name several values (`all`).
///
/// Every vocabulary of the examples — estimators, noises, problems, latents, numbers — is
/// parsed by its type's `ExpressibleByArgument` conformance, in one place; a
/// ``CommaSeparated`` list parses each of its items through it.
///
/// ```swift
/// extension TrainingMethod: ListArgument {
///     public static func values(parsing item: String) -> [TrainingMethod]? {
///         item == "all" ? allCases : TrainingMethod(rawValue: item).map { [$0] }
///     }
/// }
/// ```
public protocol ListArgument: ExpressibleByArgument {
    /// The values one trimmed list item stands for; `nil` for an item that is not one.
    ///
    /// - Parameter item: One item of the list, without surrounding spaces.
    /// - Returns: The values the item names, in order (by default the one value
    ///   `init(argument:)` parses).
    static func values(parsing item: String) -> [Self]?
}

extension ListArgument {
    public static func values(parsing item: String) -> [Self]? { Self(argument: item).map { [$0] } }
}

extension Int: ListArgument {}
extension Double: ListArgument {}
extension Float: ListArgument {}
