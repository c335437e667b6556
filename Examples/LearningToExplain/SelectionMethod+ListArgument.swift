import ArgumentParser
import LearningToExplainKit
import _ExampleSupport

extension SelectionMethod: ListArgument {
    /// Parses a method's name with ``SelectionMethod/init(parsing:)``.
    public init?(argument: String) { try? self.init(parsing: argument) }

    /// One method, or why the item does not name one.
    public static func values(parsing item: String) throws(ExampleError) -> [SelectionMethod] { [try Self(parsing: item)] }
}
