import ArgumentParser

/// `--quick`: a smoke run of a minute or so, smaller than the default run, declared once for
/// every command that has one, with the command's help (``RunDefaults/quickHelp``).
///
/// ```swift
/// @OptionGroup var smoke: QuickRunOptions<Defaults>
/// let epochs = smoke.quick ? 3 : training.epochs()
/// ```
public struct QuickRunOptions<Defaults: RunDefaults>: ParsableArguments {
    /// Whether to make the smoke run.
    @Flag(help: ArgumentHelp(Defaults.quickHelp))
    public var quick = false

    public init() {}
}
