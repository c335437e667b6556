import ArgumentParser

/// `--full`: run the published full-scale recipe instead of the small default run, declared
/// once for every command that has one, with the command's help (``RunDefaults/fullHelp``).
///
/// The recipe's epochs and learning rate are ``TrainingDefaults``' `full…` values; pass
/// ``full`` to ``TrainingOptions/epochs(full:)`` and ``TrainingOptions/learningRate(full:)``.
///
/// ```swift
/// @OptionGroup var recipe: FullRecipeOptions<Defaults>
/// let epochs = training.epochs(full: recipe.full)
/// ```
public struct FullRecipeOptions<Defaults: RunDefaults>: ParsableArguments {
    /// Whether to run the full-scale recipe.
    @Flag(help: ArgumentHelp(Defaults.fullHelp))
    public var full = false

    public init() {}
}
