/// Bounds on the translation of a GNU MathProg model into a linear program.
///
/// MathProg is a modelling language: a model such as `set I := 1..100000000;` with a
/// variable over `I` asks GLPK's translator for minutes of work and gigabytes of memory,
/// and the translator offers no way to stop it. ``LinearProgram/init(contentsOf:format:translationLimits:)``
/// therefore translates in a separate process that it stops when it exceeds ``timeLimit``,
/// and GLPK's allocator refuses more than ``memoryLimitMegabytes`` there. Either way the
/// read fails with a ``ModelFileError`` of reason `.translationLimitExceeded`.
///
/// ```swift
/// let generous = MathProgLimits(timeLimit: .seconds(120), memoryLimitMegabytes: 8192)
/// let program = try LinearProgram(contentsOf: "big.mod", format: .mathProg(), translationLimits: generous)
/// ```
public struct MathProgLimits: Sendable, Hashable {
    /// The longest the translation may take (whole milliseconds, at least 1 ms).
    public var timeLimit: Duration
    /// The most memory GLPK may allocate while translating, in megabytes.
    public var memoryLimitMegabytes: Int

    /// Limits; by default 10 seconds and 1 GB, far above what models of the sizes solved
    /// as network layers need.
    public init(timeLimit: Duration = .seconds(10), memoryLimitMegabytes: Int = 1024) {
        self.timeLimit = timeLimit
        self.memoryLimitMegabytes = memoryLimitMegabytes
    }

    /// The default limits.
    public static let `default` = MathProgLimits()

    /// The time limit in whole milliseconds for the shim, clamped to 1 ms ... `Int32.max` ms.
    var milliseconds: Int32 {
        let (seconds, attoseconds) = timeLimit.components
        let total = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return Int32(min(max(total.rounded(.up), 1), Double(Int32.max)))
    }

    /// The memory limit for the shim, clamped to 1 ... `Int32.max` megabytes.
    var megabytes: Int32 {
        Int32(clamping: max(memoryLimitMegabytes, 1))
    }
}
