import DifferentiableSolvers

/// What `dsolve describe` says about one option of a registered solver: its name, JSON type,
/// default and meaning. Derived from the solver's ``SolverOptionSet``; never written by hand.
public struct SolverOptionDescription: Sendable, Hashable, Codable {
    /// The JSON type of an option's value.
    public enum ValueType: String, Sendable, Hashable, Codable, CaseIterable {
        /// A whole number.
        case integer
        /// Any number.
        case number
        /// A string.
        case string
        /// `true` or `false`.
        case boolean
        /// An array of whole numbers.
        case integerArray = "integer-array"
        /// An array of numbers.
        case numberArray = "number-array"

        /// Whether `value` has this type (integers are numbers too).
        public func accepts(_ value: JSONValue) -> Bool {
            switch self {
            case .integer: value.integerValue != nil
            case .number: value.numberValue != nil
            case .string: value.stringValue != nil
            case .boolean: value.boolValue != nil
            case .integerArray: value.arrayValue?.allSatisfy { $0.integerValue != nil } ?? false
            case .numberArray: value.arrayValue?.allSatisfy { $0.numberValue != nil } ?? false
            }
        }

        /// "an integer", "an array of numbers" …, for messages.
        public var phrase: String {
            switch self {
            case .integer: "an integer"
            case .number: "a number"
            case .string: "a string"
            case .boolean: "a Boolean"
            case .integerArray: "an array of integers"
            case .numberArray: "an array of numbers"
            }
        }
    }

    /// The option's key in the JSON options object.
    public var name: String
    /// The JSON type of its value.
    public var type: ValueType
    /// The value used when the option is absent; `nil` makes the option required.
    public var defaultValue: JSONValue?
    /// What the option means, in one line.
    public var meaning: String
    /// For string options with a fixed vocabulary, the accepted values.
    public var allowedValues: [String]?

    /// Describes an option.
    public init(_ name: String, _ type: ValueType, default defaultValue: JSONValue? = nil,
                meaning: String, allowedValues: [String]? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.meaning = meaning
        self.allowedValues = allowedValues
    }

    /// Whether the option must be given.
    public var isRequired: Bool { defaultValue == nil }
}
