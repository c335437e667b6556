import ArgumentParser

/// A command's default output directory.
///
/// ```swift
/// enum Defaults: OutputDefaults { static let output = "out/gradient-fidelity" }
/// ```
public protocol OutputDefaults {
    /// Where the command writes its figures, tables and metrics unless `--output` says otherwise.
    static var output: String { get }
}

/// The `--output` option every example shares, with the command's own default.
///
/// ```swift
/// @OptionGroup var destination: OutputOptions<Defaults>
/// let directory = try OutputDirectory(destination.output)
/// ```
public struct OutputOptions<Defaults: OutputDefaults>: ParsableArguments {
    /// The output directory.
    @Option(help: "Where figures, tables, metrics (and checkpoints) are written.")
    public var output: String = Defaults.output

    public init() {}
}
