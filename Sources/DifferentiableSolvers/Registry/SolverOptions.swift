/// The validated options a registered solver's factory receives: every declared option is
/// present (given or defaulted) and has its declared type.
///
/// ```swift
/// registry.register("top-k", summary: "…", family: "subset selection",
///                   options: [SolverOption("k", .integer, meaning: "subset size"), .sense()]) { options in
///     TopK(k: try options.integer("k"), sense: try options.sense())
/// }
/// ```
public struct SolverOptions: Sendable, Hashable {
    /// The registered name of the solver being built, for messages.
    public let solverName: String
    /// The option values, defaults filled in.
    public let values: [String: JSONValue]

    /// Wraps already validated values (the registry does the validation).
    public init(solverName: String, values: [String: JSONValue]) {
        self.solverName = solverName
        self.values = values
    }

    /// The value of an option, or an `.invalidOption` error naming it when it is absent.
    public func value(_ name: String) throws(SolverError) -> JSONValue {
        guard let value = values[name], value != .null else {
            throw SolverError(.invalidOption, "solver '\(solverName)' needs option '\(name)'")
        }
        return value
    }

    /// An integer option.
    public func integer(_ name: String) throws(SolverError) -> Int {
        try typed(name, "an integer") { $0.integerValue }
    }

    /// A number option.
    public func number(_ name: String) throws(SolverError) -> Double {
        try typed(name, "a number") { $0.numberValue }
    }

    /// A string option.
    public func string(_ name: String) throws(SolverError) -> String {
        try typed(name, "a string") { $0.stringValue }
    }

    /// A Boolean option.
    public func boolean(_ name: String) throws(SolverError) -> Bool {
        try typed(name, "a Boolean") { $0.boolValue }
    }

    /// An array-of-integers option.
    public func integerArray(_ name: String) throws(SolverError) -> [Int] {
        try typed(name, "an array of integers") { value in
            value.arrayValue.flatMap { elements in
                let integers = elements.compactMap(\.integerValue)
                return integers.count == elements.count ? integers : nil
            }
        }
    }

    /// An array-of-numbers option.
    public func numberArray(_ name: String) throws(SolverError) -> [Double] {
        try typed(name, "an array of numbers") { value in
            value.arrayValue.flatMap { elements in
                let numbers = elements.compactMap(\.numberValue)
                return numbers.count == elements.count ? numbers : nil
            }
        }
    }

    /// The optimisation sense from a string option (by default the one named "sense").
    public func sense(_ name: String = "sense") throws(SolverError) -> OptimizationSense {
        let text = try string(name)
        guard let sense = OptimizationSense(rawValue: text) else {
            throw SolverError(.invalidOption,
                              "option '\(name)' of solver '\(solverName)' must be \"maximize\" or \"minimize\", got \"\(text)\"")
        }
        return sense
    }

    private func typed<T>(_ name: String, _ phrase: String, _ extract: (JSONValue) -> T?) throws(SolverError) -> T {
        let value = try value(name)
        guard let result = extract(value) else {
            throw SolverError(.invalidOption,
                              "option '\(name)' of solver '\(solverName)' must be \(phrase), got \(value.kindDescription)")
        }
        return result
    }
}
