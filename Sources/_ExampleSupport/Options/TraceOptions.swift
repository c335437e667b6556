import ArgumentParser

/// `--trace` and `--reference-every`: the estimator diagnostics a training command can write
/// (see ``TrainingTrace``), declared once for every command that offers them.
///
/// ```swift
/// @OptionGroup var tracing: TraceOptions
/// if tracing.trace { … every tracing.referenceEvery steps, measure the reference cosine … }
/// ```
public struct TraceOptions: ParsableArguments {
    /// Whether to write the per-step trace.
    @Flag(help: "Write a per-step trace of each run's estimator (α, mean λ, non-zero entries against c, ‖∂L/∂θ‖, and the cosine with a 200-sample reference gradient) as CSV and SVG.")
    public var trace = false
    /// Steps between two cosines with the reference gradient.
    @Option(help: "With --trace: steps between cosines with the reference gradient.")
    public var referenceEvery: Int = 10

    public init() {}

    public func validate() throws {
        try OptionCheck.check(referenceEvery, option: "--reference-every", in: 1 ... 1_000_000)
    }
}
