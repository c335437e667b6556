import ArgumentParser

/// A training command's defaults: those of its small default run and, where it has one, of
/// its full-scale recipe (`--full`).
///
/// ```swift
/// enum Defaults: TrainingDefaults {
///     static let output = "out/warcraft"
///     static let epochs = 6, fullEpochs: Int? = 50, batchSize = 70
///     static let learningRate: Float = 2e-3, fullLearningRate: Float? = 5e-4
/// }
/// ```
public protocol TrainingDefaults: OutputDefaults {
    /// Training epochs of the default run.
    static var epochs: Int { get }
    /// Training epochs of the full-scale recipe; `nil` when it keeps ``epochs``.
    static var fullEpochs: Int? { get }
    /// Instances per optimiser step.
    static var batchSize: Int { get }
    /// Adam's learning rate of the default run.
    static var learningRate: Float { get }
    /// Adam's learning rate of the full-scale recipe; `nil` when it keeps ``learningRate``.
    static var fullLearningRate: Float? { get }
}

extension TrainingDefaults {
    public static var fullEpochs: Int? { nil }
    public static var fullLearningRate: Float? { nil }
}

/// The flags every training example shares — `--epochs`, `--batch-size`, `--learning-rate`
/// and `--output` — declared once, with each command's defaults.
///
/// A value given on the command line always wins; otherwise the default run's value, or the
/// full-scale recipe's when the command asks for it.
///
/// ```swift
/// @OptionGroup var training: TrainingOptions<Defaults>
/// let epochs = training.epochs(full: full)
/// ```
public struct TrainingOptions<Defaults: TrainingDefaults>: ParsableArguments {
    /// `--epochs` as given.
    @Option(name: .customLong("epochs"), help: ArgumentHelp("Training epochs (default \(Defaults.epochs)\(Self.fullNote(Defaults.fullEpochs))).", valueName: "epochs"))
    public var givenEpochs: Int?
    /// `--batch-size` as given.
    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Instances per training step (default \(Defaults.batchSize)).", valueName: "batch-size"))
    public var givenBatchSize: Int?
    /// `--learning-rate` as given.
    @Option(name: .customLong("learning-rate"), help: ArgumentHelp("Adam learning rate (default \(Defaults.learningRate)\(Self.fullNote(Defaults.fullLearningRate))).", valueName: "learning-rate"))
    public var givenLearningRate: Float?
    /// `--output`.
    @OptionGroup public var destination: OutputOptions<Defaults>

    public init() {}

    /// The epochs to train: as given, else the full recipe's (when `full`) or the default run's.
    public func epochs(full: Bool = false) -> Int { givenEpochs ?? (full ? Defaults.fullEpochs : nil) ?? Defaults.epochs }
    /// The batch size: as given, else the default.
    public var batchSize: Int { givenBatchSize ?? Defaults.batchSize }
    /// The learning rate: as given, else the full recipe's (when `full`) or the default run's.
    public func learningRate(full: Bool = false) -> Float {
        givenLearningRate ?? (full ? Defaults.fullLearningRate : nil) ?? Defaults.learningRate
    }
    /// The output directory.
    public var output: String { destination.output }

    public func validate() throws {
        if let givenEpochs { try OptionCheck.check(givenEpochs, option: "--epochs", in: 1 ... 100_000) }
        if let givenBatchSize { try OptionCheck.check(givenBatchSize, option: "--batch-size", in: 1 ... 1_000_000) }
        if let givenLearningRate {
            try OptionCheck.check(givenLearningRate, option: "--learning-rate", in: 0 ... 1e3, exclusiveLowerBound: true)
        }
    }

    private static func fullNote<Value>(_ value: Value?) -> String { value.map { "; --full: \($0)" } ?? "" }
}
