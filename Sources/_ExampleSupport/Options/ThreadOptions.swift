import ArgumentParser
import DifferentiableSolvers

/// `--threads`, how many threads a command's solver calls may use (0: all cores), declared
/// once with the command's default and help (``RunDefaults/threads``) and read as a
/// `Parallelism`.
///
/// ```swift
/// @OptionGroup var threading: ThreadOptions<Defaults>
/// let trainer = DecisionTrainer(…, parallelism: threading.parallelism)
/// ```
public struct ThreadOptions<Defaults: RunDefaults>: ParsableArguments {
    /// The thread count as given; 0 for all cores.
    @Option(help: ArgumentHelp(Defaults.threads.help))
    public var threads: Int = Defaults.threads.value

    public init() {}

    /// The threads to use: `threads` of them, or all cores for 0.
    public var parallelism: Parallelism { threads > 0 ? .threads(threads) : .automatic }

    /// Refuses a thread count outside 0 … 1024.
    public func validate() throws {
        try OptionCheck.check(threads, option: "--threads", in: 0 ... 1_024)
    }
}
