/// A JSON value: the form in which solver options travel from files, the command line and
/// other languages into a ``SolverRegistry``.
///
/// `JSONValue` is `Codable`, so any JSON decoder turns a document into one, and it can be
/// written as a literal in Swift:
///
/// ```swift
/// let options: [String: JSONValue] = ["k": 3, "sense": "minimize"]
/// let data = try JSONEncoder().encode(JSONValue.object(options))
/// let back = try JSONDecoder().decode(JSONValue.self, from: data)
/// ```
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (JSON does not distinguish integers; see ``integerValue``).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// The number as an `Int` when it is one exactly (e.g. `3` or `3.0`), else `nil`.
    public var integerValue: Int? {
        guard case .number(let value) = self, value.rounded() == value,
              abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }

    /// The number, or `nil` for any other kind of value.
    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The string, or `nil` for any other kind of value.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The Boolean, or `nil` for any other kind of value.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, or `nil` for any other kind of value.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, or `nil` for any other kind of value.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A short name of the kind of value, for error messages ("a string", "an array" …).
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a Boolean"
        case .number(let value): value.rounded() == value ? "an integer" : "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
