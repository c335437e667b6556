import ArgumentParser

/// `--seed`, the one seed from which a command draws its data, initialisation and noise,
/// declared once for every command that takes one, with the command's default and help
/// (``RunDefaults/seed``).
///
/// ```swift
/// @OptionGroup var seeding: SeedOptions<Defaults>
/// var generator = SeededGenerator(seed: seeding.seed)
/// ```
public struct SeedOptions<Defaults: RunDefaults>: ParsableArguments {
    /// The seed.
    @Option(help: ArgumentHelp(Defaults.seed.help))
    public var seed: UInt64 = Defaults.seed.value

    public init() {}
}
