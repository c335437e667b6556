/// What a command's shared run options — `--seed`, `--threads`, `--full` and `--quick` —
/// default to and what their help says in it.
///
/// A command states those of the options it declares (``SeedOptions``, ``ThreadOptions``,
/// ``FullRecipeOptions``, ``QuickRunOptions``); the others keep generic defaults.
///
/// ```swift
/// enum Defaults: TrainingDefaults, RunDefaults {
///     static let seed = OptionDefault<UInt64>(1, help: "Seed of initialisation, shuffling and noise.")
///     static let fullHelp = "The published recipe: 100 epochs."
///     …
/// }
/// ```
public protocol RunDefaults {
    /// `--seed`: the default seed and what it drives.
    static var seed: OptionDefault<UInt64> { get }
    /// `--threads`: the default thread count (0: all cores) and what runs on the threads.
    static var threads: OptionDefault<Int> { get }
    /// `--full`: the help that describes the full-scale recipe.
    static var fullHelp: String { get }
    /// `--quick`: the help that describes the smoke run.
    static var quickHelp: String { get }
}

extension RunDefaults {
    public static var seed: OptionDefault<UInt64> { OptionDefault(0, help: "Seed of the random numbers.") }
    public static var threads: OptionDefault<Int> { OptionDefault(0, help: "Worker threads (0: all cores).") }
    public static var fullHelp: String { "The full-scale recipe." }
    public static var quickHelp: String { "A smoke run, smaller than the default one." }
}
