import DifferentiableSolvers

/// A type an option of a registered solver can have: how it reads and writes itself as
/// JSON, which JSON type it declares and, for a fixed vocabulary, which strings it accepts.
///
/// `Int`, `Double`, `Bool`, `String`, `[Int]`, `[Double]` and `OptimizationSense` conform;
/// a `String`-backed `CaseIterable` enum conforms by declaring ``SolverOptionChoice``.
public protocol SolverOptionValue: Sendable {
    /// The JSON type `describe` reports.
    static var jsonType: SolverOptionDescription.ValueType { get }
    /// The accepted strings, for a fixed vocabulary; `nil` otherwise.
    static var allowedValues: [String]? { get }
    /// A value of the type that stands in for a required option in the declaring instance
    /// (which only describes the options and is never handed to a factory).
    static var placeholder: Self { get }
    /// The value `json` stands for, or `nil` when it has another type.
    init?(json: JSONValue)
    /// The value as JSON.
    var json: JSONValue { get }
}

extension SolverOptionValue {
    /// No fixed vocabulary.
    public static var allowedValues: [String]? { nil }
}

/// An integer option, written as a JSON number without a fraction.
extension Int: SolverOptionValue {
    /// `.integer`.
    public static var jsonType: SolverOptionDescription.ValueType { .integer }
    /// 0.
    public static var placeholder: Int { 0 }
    /// The integer `json` holds, or `nil` when it is not a number with an integral value.
    public init?(json: JSONValue) {
        guard let value = json.integerValue else { return nil }
        self = value
    }
    /// The value as a JSON number.
    public var json: JSONValue { .number(Double(self)) }
}

/// A real-valued option, written as a JSON number.
extension Double: SolverOptionValue {
    /// `.number`.
    public static var jsonType: SolverOptionDescription.ValueType { .number }
    /// 0.
    public static var placeholder: Double { 0 }
    /// The number `json` holds, or `nil` when it is not a number.
    public init?(json: JSONValue) {
        guard let value = json.numberValue else { return nil }
        self = value
    }
    /// The value as a JSON number.
    public var json: JSONValue { .number(self) }
}

/// A yes/no option, written as a JSON Boolean.
extension Bool: SolverOptionValue {
    /// `.boolean`.
    public static var jsonType: SolverOptionDescription.ValueType { .boolean }
    /// `false`.
    public static var placeholder: Bool { false }
    /// The Boolean `json` holds, or `nil` when it is not a Boolean.
    public init?(json: JSONValue) {
        guard let value = json.boolValue else { return nil }
        self = value
    }
    /// The value as a JSON Boolean.
    public var json: JSONValue { .bool(self) }
}

/// A free-text option (a file path, a model name), written as a JSON string.
extension String: SolverOptionValue {
    /// `.string`.
    public static var jsonType: SolverOptionDescription.ValueType { .string }
    /// The empty string.
    public static var placeholder: String { "" }
    /// The string `json` holds, or `nil` when it is not a string.
    public init?(json: JSONValue) {
        guard let value = json.stringValue else { return nil }
        self = value
    }
    /// The value as a JSON string.
    public var json: JSONValue { .string(self) }
}

/// An option that lists integers or numbers (weights, edges, costs), written as a JSON array.
extension Array: SolverOptionValue where Element: SolverOptionElement {
    /// The element's array type: `.integerArray` or `.numberArray`.
    public static var jsonType: SolverOptionDescription.ValueType { Element.arrayType }
    /// The empty array.
    public static var placeholder: [Element] { [] }
    /// The elements of the array `json` holds, or `nil` when it is not an array or one of its
    /// elements has another type.
    public init?(json: JSONValue) {
        guard let elements = json.arrayValue else { return nil }
        let values = elements.compactMap(Element.init(json:))
        guard values.count == elements.count else { return nil }
        self = values
    }
    /// The elements as a JSON array.
    public var json: JSONValue { .array(map(\.json)) }
}

/// An option type that arrays of options may hold: integers and numbers.
public protocol SolverOptionElement: SolverOptionValue {
    /// The JSON type of an array of this type.
    static var arrayType: SolverOptionDescription.ValueType { get }
}

/// Integers may form an array option.
extension Int: SolverOptionElement {
    /// `.integerArray`.
    public static var arrayType: SolverOptionDescription.ValueType { .integerArray }
}

/// Numbers may form an array option.
extension Double: SolverOptionElement {
    /// `.numberArray`.
    public static var arrayType: SolverOptionDescription.ValueType { .numberArray }
}

/// A `String`-backed enumeration offered as a string option with a fixed vocabulary.
///
/// ```swift
/// enum Algorithm: String, CaseIterable, SolverOptionChoice { case dijkstra, acyclic }
/// ```
public protocol SolverOptionChoice: SolverOptionValue, RawRepresentable<String>, CaseIterable {}

extension SolverOptionChoice {
    /// `.string`.
    public static var jsonType: SolverOptionDescription.ValueType { .string }
    /// The raw values of all cases, in declaration order.
    public static var allowedValues: [String]? { allCases.map(\.rawValue) }
    /// The first case.
    public static var placeholder: Self { allCases.first! }
    /// The case whose raw value is the string `json` holds, or `nil`.
    public init?(json: JSONValue) {
        guard let text = json.stringValue, let value = Self(rawValue: text) else { return nil }
        self = value
    }
    /// The raw value as a JSON string.
    public var json: JSONValue { .string(rawValue) }
}

/// A solver's `sense` option: `"maximize"` or `"minimize"`.
extension OptimizationSense: SolverOptionChoice {
    /// What a solver's `sense` option means, in `describe`'s words.
    public static let optionMeaning = "whether ⟨z, θ⟩ is maximized or minimized"
}
