import DifferentiableSolvers
import Foundation

/// The options of a registered solver, declared once: a struct whose stored properties are
/// ``SolverOption``s. The registry derives the solver's ``SolverDescription/options`` from a
/// default instance and decodes the validated JSON options into a value for the factory.
///
/// ```swift
/// struct KnapsackOptions: SolverOptionSet {
///     @SolverOption(meaning: "one non-negative integer weight per item") var weights: [Int]
///     @SolverOption(meaning: "the largest total weight of the chosen items") var capacity: Int
///     @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
/// }
/// ```
public protocol SolverOptionSet: Decodable, Sendable {
    /// The declaring instance: every option at its default (required ones at a placeholder).
    init()
}

/// The options of a solver that takes none.
public struct NoSolverOptions: SolverOptionSet {
    /// No options.
    public init() {}
}

extension SolverOptionSet {
    /// The declared options in declaration order, with their JSON names.
    static var declarations: [(property: String, description: SolverOptionDescription)] {
        Mirror(reflecting: Self()).children.compactMap { child in
            guard let label = child.label, let declaration = child.value as? any SolverOptionDeclaration else { return nil }
            let property = label.hasPrefix("_") ? String(label.dropFirst()) : label
            return (property, declaration.description(name: Self.optionName(of: property)))
        }
    }

    /// The options `describe` reports.
    public static var optionDescriptions: [SolverOptionDescription] { declarations.map(\.description) }

    /// `blockSize` → `block-size`.
    static func optionName(of property: String) -> String {
        property.reduce(into: "") { name, character in
            if character.isUppercase {
                name += "-" + character.lowercased()
            } else {
                name.append(character)
            }
        }
    }

    /// Decodes validated options (keyed by option name, defaults filled in).
    static func decode(validated values: [String: JSONValue], solver: String) throws(RegistryError) -> Self {
        var members: [String: JSONValue] = [:]
        for (property, description) in declarations {
            members[property] = values[description.name]
        }
        do {
            let data = try JSONEncoder().encode(JSONValue.object(members))
            return try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw RegistryError(.wrongOptionType, "the options of solver '\(solver)' could not be read: \(error)")
        }
    }
}
