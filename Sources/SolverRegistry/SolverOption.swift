import DifferentiableSolvers

/// One option of a registered solver, declared once as a property of its
/// ``SolverOptionSet``: the property's name is the option's key (camel case becomes
/// kebab case: `blockSize` is `block-size`), the initial value its default, and `meaning`
/// what `dsolve describe` prints.
///
/// ```swift
/// struct TopKOptions: SolverOptionSet {
///     @SolverOption(meaning: "the number of entries selected (1 ≤ k ≤ n)") var k: Int   // required
///     @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
/// }
/// ```
@propertyWrapper
public struct SolverOption<Value: SolverOptionValue>: Sendable, Decodable {
    /// What the option means, in one line (empty in a decoded value).
    public let meaning: String
    /// The value when the option is absent; `nil` makes it required.
    public let defaultValue: Value?
    private var value: Value?

    /// The option's value: the decoded one, else the default.
    public var wrappedValue: Value {
        get { value ?? defaultValue ?? Value.placeholder }
        set { value = newValue }
    }

    /// Declares an option with a default.
    public init(wrappedValue: Value, meaning: String) {
        self.meaning = meaning
        defaultValue = wrappedValue
    }

    /// Declares a required option.
    public init(meaning: String) {
        self.meaning = meaning
        defaultValue = nil
    }

    /// Reads the option's value from the registry's validated options.
    public init(from decoder: any Decoder) throws {
        let json = try decoder.singleValueContainer().decode(JSONValue.self)
        guard let value = Value(json: json) else {
            throw DecodingError.typeMismatch(Value.self, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "expected \(Value.jsonType.phrase), got \(json.kindDescription)"))
        }
        meaning = ""
        defaultValue = nil
        self.value = value
    }
}

/// What the registry reads from a declared ``SolverOption`` without knowing its type.
protocol SolverOptionDeclaration {
    func description(name: String) -> SolverOptionDescription
}

extension SolverOption: SolverOptionDeclaration {
    func description(name: String) -> SolverOptionDescription {
        SolverOptionDescription(name, Value.jsonType, default: defaultValue?.json, meaning: meaning,
                                allowedValues: Value.allowedValues)
    }
}
