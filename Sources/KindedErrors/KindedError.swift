/// An error with a kind that code can react to and a message that says what to fix.
///
/// Every module of the package reports failures with one specialization of this type, named
/// by a type alias: `LayerError` is `KindedError<LayerFailure>`, `SolverError` is
/// `KindedError<SolverFailure>`, and so on. The ``ErrorKind`` a specialization is made with
/// (`K`, also named ``Kind``) lists the broad classes of failure, decides what ``details``
/// the error carries besides its message, and how ``description`` reads (by default
/// "kind: message").
///
/// ```swift
/// enum ParseFailure: String, ErrorKind {
///     case emptyInput
///     case badDigit
/// }
/// typealias ParseError = KindedError<ParseFailure>
///
/// do { throw ParseError(.badDigit, "'x' is not a digit") }
/// catch let error as ParseError where error.kind == .badDigit {
///     print(error)   // badDigit: 'x' is not a digit
/// }
/// ```
public struct KindedError<K: ErrorKind>: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad classes of failure an error of this type tells apart: `LayerError.Kind` is
    /// `LayerFailure`.
    public typealias Kind = K

    /// The broad class of failure.
    public var kind: Kind
    /// What went wrong and how to fix it.
    public var message: String
    /// What the error carries besides its kind and message, such as the position of the
    /// failure or an underlying error; ``NoErrorDetails`` when nothing.
    public var details: Kind.Details

    /// Creates an error of `kind` described by `message`, with its `details`.
    ///
    /// - Parameters:
    ///   - kind: The broad class of failure.
    ///   - message: What went wrong and how to fix it.
    ///   - details: What the error carries besides its kind and message.
    public init(_ kind: Kind, _ message: String, details: Kind.Details) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// The text ``ErrorKind/description(of:)`` of the kind gives; "kind: message" unless the
    /// kind says otherwise.
    public var description: String { Kind.description(of: self) }
}

extension KindedError where Kind.Details == NoErrorDetails {
    /// Creates an error of `kind` described by `message`.
    ///
    /// - Parameters:
    ///   - kind: The broad class of failure.
    ///   - message: What went wrong and how to fix it.
    public init(_ kind: Kind, _ message: String) {
        self.init(kind, message, details: NoErrorDetails())
    }
}
