import DifferentiableSolvers

/// A type an option of a registered solver can have: how it reads and writes itself as
/// JSON, which JSON type it declares and, for a fixed vocabulary, which strings it accepts.
///
/// `Int`, `Double`, `Bool`, `String`, `[Int]`, `[Double]` and ``OptimizationSense`` conform;
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

extension Int: SolverOptionValue {
    public static var jsonType: SolverOptionDescription.ValueType { .integer }
    public static var placeholder: Int { 0 }
    public init?(json: JSONValue) {
        guard let value = json.integerValue else { return nil }
        self = value
    }
    public var json: JSONValue { .number(Double(self)) }
}

extension Double: SolverOptionValue {
    public static var jsonType: SolverOptionDescription.ValueType { .number }
    public static var placeholder: Double { 0 }
    public init?(json: JSONValue) {
        guard let value = json.numberValue else { return nil }
        self = value
    }
    public var json: JSONValue { .number(self) }
}

extension Bool: SolverOptionValue {
    public static var jsonType: SolverOptionDescription.ValueType { .boolean }
    public static var placeholder: Bool { false }
    public init?(json: JSONValue) {
        guard let value = json.boolValue else { return nil }
        self = value
    }
    public var json: JSONValue { .bool(self) }
}

extension String: SolverOptionValue {
    public static var jsonType: SolverOptionDescription.ValueType { .string }
    public static var placeholder: String { "" }
    public init?(json: JSONValue) {
        guard let value = json.stringValue else { return nil }
        self = value
    }
    public var json: JSONValue { .string(self) }
}

extension Array: SolverOptionValue where Element: SolverOptionElement {
    public static var jsonType: SolverOptionDescription.ValueType { Element.arrayType }
    public static var placeholder: [Element] { [] }
    public init?(json: JSONValue) {
        guard let elements = json.arrayValue else { return nil }
        let values = elements.compactMap(Element.init(json:))
        guard values.count == elements.count else { return nil }
        self = values
    }
    public var json: JSONValue { .array(map(\.json)) }
}

/// An option type that arrays of options may hold: integers and numbers.
public protocol SolverOptionElement: SolverOptionValue {
    /// The JSON type of an array of this type.
    static var arrayType: SolverOptionDescription.ValueType { get }
}

extension Int: SolverOptionElement {
    public static var arrayType: SolverOptionDescription.ValueType { .integerArray }
}

extension Double: SolverOptionElement {
    public static var arrayType: SolverOptionDescription.ValueType { .numberArray }
}

/// A `String`-backed enumeration offered as a string option with a fixed vocabulary.
///
/// ```swift
/// enum Algorithm: String, CaseIterable, SolverOptionChoice { case dijkstra, acyclic }
/// ```
public protocol SolverOptionChoice: SolverOptionValue, RawRepresentable<String>, CaseIterable {}

extension SolverOptionChoice {
    public static var jsonType: SolverOptionDescription.ValueType { .string }
    public static var allowedValues: [String]? { allCases.map(\.rawValue) }
    public static var placeholder: Self { allCases.first! }
    public init?(json: JSONValue) {
        guard let text = json.stringValue, let value = Self(rawValue: text) else { return nil }
        self = value
    }
    public var json: JSONValue { .string(rawValue) }
}

extension OptimizationSense: SolverOptionChoice {
    /// What a solver's `sense` option means, in `describe`'s words.
    public static let optionMeaning = "whether ⟨z, θ⟩ is maximized or minimized"
}
