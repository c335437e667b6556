import ArgumentParser
import DifferentiableSolvers

/// `dsolve list`: one line per registered solver.
struct ListCommand: DsolveSubcommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered solvers, one per line.")

    func execute(in context: DsolveContext) throws {
        let descriptions = context.registry.descriptions
        let nameWidth = descriptions.map(\.name.count).max() ?? 0
        let familyWidth = descriptions.map(\.family.count).max() ?? 0
        for description in descriptions {
            context.print(description.name.padded(to: nameWidth) + "  "
                          + description.family.padded(to: familyWidth) + "  " + description.summary)
        }
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
