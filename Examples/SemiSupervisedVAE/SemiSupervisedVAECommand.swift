import ArgumentParser
import DifferentiableSolvers
import DiscreteVAEKit
import Foundation
import SemiSupervisedVAEKit
import _ExampleSupport

/// The semi-supervised discrete VAE of Lorberbom et al. (2019, §4.2, §5, Table 2, Fig. 4) on
/// Fashion-MNIST: a few labelled images per class, the class trained by direct optimisation
/// or by straight-through Gumbel-softmax; test accuracy of argmax θ(x) and the test bound.
@main
struct SemiSupervisedVAECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "SemiSupervisedVAE",
        abstract: "Semi-supervised discrete VAE on Fashion-MNIST (Lorberbom et al. 2019, Table 2): direct optimisation against Gumbel-softmax.")

    @OptionGroup var images: ImageDataOptions
    @Option(help: "Labelled training images, balanced over the 10 classes (comma-separated; the paper's code: 50,100,300,600,1200).", transform: CommaSeparated.parse)
    var labels: CommaSeparated<Int> = "100"
    @Option(help: "Estimators (comma-separated): direct, gsm.", transform: CommaSeparated.parse)
    var estimator: CommaSeparated<SemiSupervisedEstimator> = "direct,gsm"
    @Option(help: "Epochs over the labelled images before the unlabelled epochs (default 100; --full: 1199, as the reference code).")
    var labelledEpochs: Int?
    @Option(help: "Labelled epochs between evaluations on the validation and test sets.")
    var evaluateEvery: Int = 50
    @Option(help: "Floor of ε (direct) or the temperature (GSM) in the unlabelled epochs: the reference code's 0.1; the DiscreteVAE example anneals Gumbel-softmax to 0.5.")
    var perturbationFloor: Double = 0.1
    @Option(help: "Gaussian latent dimension D.")
    var gaussianDimension: Int = 30
    @OptionGroup var shared: TrainingOptions<Defaults>
    @OptionGroup var threading: ThreadOptions<Defaults>
    @OptionGroup var seeding: SeedOptions<Defaults>
    @OptionGroup var recipe: FullRecipeOptions<Defaults>

    /// The default run's settings and the reference code's unlabelled epochs (--full).
    enum Defaults: TrainingDefaults, RunDefaults {
        static let output = "out/semi-supervised-vae"
        static let epochs = 2, batchSize = 100
        static let fullEpochs: Int? = 400
        static let learningRate: Float = 8e-4
        static let threads = OptionDefault(1, help: "Threads of the latent layer (0: all cores); the BLAS kernels run on one.")
        static let seed = OptionDefault<UInt64>(1, help: "Seed of initialisation, the labelled subset, shuffling and noise.")
        static let fullHelp = "The published recipe: 50 000 training and 10 000 validation images, 1199 labelled epochs, 400 unlabelled epochs (override with --labelled-epochs, --epochs)."
    }

    func validate() throws {
        try OptionCheck.check(evaluateEvery, option: "--evaluate-every", in: 1 ... 1_000_000)
        try OptionCheck.check(perturbationFloor, option: "--perturbation-floor", in: 0 ... 1, exclusiveLowerBound: true)
        try OptionCheck.check(gaussianDimension, option: "--gaussian-dimension", in: 1 ... 10_000)
        if let labelledEpochs { try OptionCheck.check(labelledEpochs, option: "--labelled-epochs", in: 0 ... 1_000_000) }
        for count in labels.values { try OptionCheck.check(count, option: "--labels", in: 10 ... 1_000_000) }
    }

    /// Labelled epochs: as given, else the reference code's 1199 (--full) or 100.
    var labelledEpochCount: Int { labelledEpochs ?? (recipe.full ? 1_199 : 100) }

    func run() throws {
        let started = Date()
        let (training, held, test) = try images.load(fullRecipe: recipe.full ? 10_000 : nil)
        // The reference code binarises by rounding the intensities (`x_train.round()`).
        let binary = { (set: ImageSet) in Binarisation.threshold.frozen(set, seed: seeding.seed) }
        let unlabelledEpochs = shared.epochs(full: recipe.full)
        print("Fashion-MNIST: \(training.count) training, \(held.count) validation, \(test.count) test images; "
              + "\(labelledEpochCount) labelled + \(unlabelledEpochs) unlabelled epoch(s), batch \(shared.batchSize)")
        let directory = try OutputDirectory(shared.output)
        let settings = SharedSettings(labelledEpochs: labelledEpochCount, unlabelledEpochs: unlabelledEpochs,
                                      trainingImages: training.count, validationImages: held.count, testImages: test.count,
                                      batchSize: shared.batchSize, learningRate: shared.learningRate(), seed: seeding.seed,
                                      perturbationFloor: perturbationFloor)
        var metrics = MetricsFile(executable: "SemiSupervisedVAE", settings: settings)
        for count in labels.values {
            var session = try SemiSupervisedTraining(training: binary(training), labelledCount: count, validation: binary(held),
                                                     test: binary(test), batchSize: shared.batchSize, seed: seeding.seed)
            session.evaluateEvery = evaluateEvery
            session.perturbationFloor = perturbationFloor
            for method in estimator.values {
                var vae = try SemiSupervisedVAE(dimension: gaussianDimension, pixels: training.pixelCount, estimator: method,
                                                learningRate: shared.learningRate(),
                                                parallelism: threading.parallelism, seed: seeding.seed)
                let earlier = metrics.runs
                let record = try session.run(&vae, labelledEpochs: labelledEpochCount, unlabelledEpochs: unlabelledEpochs) { partial throws(ExampleError) in
                    try metrics.saved(runs: earlier + [partial], since: started, in: directory)
                }
                metrics = try metrics.saved(runs: earlier + [record], since: started, in: directory)
                let report = Report(directory: directory)
                try report.writeGenerations(of: vae, labels: count, height: test.height, width: test.width, seed: seeding.seed)
                try report.writeCurves(metrics.runs)
            }
        }
        let table = Report.table(metrics.runs)
        print(table)
        try directory.writeText(table, to: "results.md")
        print("Wrote \(directory.url.path)")
    }
}

extension SemiSupervisedEstimator: ListArgument {
    /// Parses `direct` or `gsm`.
    public init?(argument: String) { try? self.init(parsing: argument) }

    /// One estimator, or why the item does not name one.
    public static func values(parsing item: String) throws(ExampleError) -> [SemiSupervisedEstimator] { [try Self(parsing: item)] }
}
