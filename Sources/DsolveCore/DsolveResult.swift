/// What a `dsolve` invocation printed and its exit status.
public struct DsolveResult: Sendable, Hashable {
    /// The process exit status: 0 on success.
    public var exitCode: Int32
    /// Text for standard output.
    public var standardOutput: String
    /// Text for standard error.
    public var standardError: String

    /// Creates a result.
    public init(exitCode: Int32, standardOutput: String, standardError: String) {
        self.exitCode = exitCode
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}
