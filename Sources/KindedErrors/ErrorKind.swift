/// The broad classes of failure of one kind of ``KindedError``: a `String`-backed enum whose
/// cases code can match and whose raw values name the failure in messages and logs.
///
/// A conforming type can also say what its errors carry besides a message (``Details``,
/// nothing by default) and how they read (``description(of:)``, "kind: message" by default).
///
/// ```swift
/// enum ParseFailure: String, ErrorKind {
///     case emptyInput
///     case badDigit
///
///     /// The column of the offending character.
///     typealias Details = Int
///
///     static func description(of error: KindedError<ParseFailure>) -> String {
///         "\(error.kind.rawValue) at column \(error.details): \(error.message)"
///     }
/// }
/// ```
public protocol ErrorKind: RawRepresentable, Sendable, Hashable, Codable where RawValue == String {
    /// What an error of this kind carries besides its kind and message.
    associatedtype Details: Sendable, Hashable = NoErrorDetails

    /// The text of `error`, its ``KindedError/description``.
    ///
    /// - Parameter error: An error of this kind.
    /// - Returns: "kind: message" unless the conforming type says otherwise.
    static func description(of error: KindedError<Self>) -> String
}

extension ErrorKind {
    /// "kind: message", the kind by its raw value.
    ///
    /// - Parameter error: An error of this kind.
    /// - Returns: The kind's raw value, a colon and the message.
    public static func description(of error: KindedError<Self>) -> String {
        "\(error.kind.rawValue): \(error.message)"
    }
}
