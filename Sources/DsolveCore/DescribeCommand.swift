import ArgumentParser
import DifferentiableSolvers
import Foundation

/// `dsolve describe NAME [--json]`: a solver's summary, family and options.
struct DescribeCommand: DsolveSubcommand {
    static let configuration = CommandConfiguration(commandName: "describe",
                                                    abstract: "Show a solver's options with their types and defaults.")

    @Argument(help: "The registered name of the solver.")
    var name: String

    @Flag(help: "Print the description as JSON.")
    var json = false

    func execute(in context: DsolveContext) throws {
        let description = try context.registry.description(of: name)
        if json {
            context.print(try JSONText.encode(description))
            return
        }
        context.print("\(description.name): \(description.summary)")
        context.print("family: \(description.family)")
        guard !description.options.isEmpty else {
            context.print("options: none")
            return
        }
        context.print("options:")
        let nameWidth = description.options.map(\.name.count).max() ?? 0
        let typeWidth = description.options.map(\.type.rawValue.count).max() ?? 0
        for option in description.options {
            let defaultText = option.defaultValue.map { "default " + ((try? JSONText.encode($0)) ?? "?") } ?? "required"
            var line = "  " + option.name.padded(to: nameWidth) + "  " + option.type.rawValue.padded(to: typeWidth)
                + "  " + defaultText + "  " + option.meaning
            if let allowed = option.allowedValues { line += " (one of: \(allowed.joined(separator: ", ")))" }
            context.print(line)
        }
    }
}
