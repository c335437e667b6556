/// A shared option's default in one command, with the help that says what the option means
/// there.
///
/// ```swift
/// static let seed = OptionDefault<UInt64>(1, help: "Seed of initialisation, shuffling and noise.")
/// ```
public struct OptionDefault<Value: Sendable>: Sendable {
    /// The value the option takes when the command line does not give it.
    public let value: Value
    /// The option's help in this command.
    public let help: String

    /// `value`, described by `help`.
    public init(_ value: Value, help: String) {
        self.value = value
        self.help = help
    }
}
