import ArgumentParser
import DifferentiableSolvers
import DiscreteVAEKit
import Foundation
import _ExampleSupport

/// Discrete VAEs on Fashion-MNIST, trained through a perturb-and-MAP latent with the
/// package's gradient estimators: the categorical VAE of the direct-optimisation paper
/// (Lorberbom et al. 2019, §5, Table 1) and the k-subset VAE of the IMLE and AIMLE papers
/// (Niepert et al. 2021; Minervini et al. 2023).
@main
struct DiscreteVAECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "DiscreteVAE",
        abstract: "Discrete and k-subset VAEs on Fashion-MNIST: direct optimisation, AIMLE, IMLE, Gumbel-softmax, exact.")

    @OptionGroup var images: ImageDataOptions
    @Option(help: "Latents (comma-separated): NxK for N categorical variables with K classes, NxKkM for M-subsets of K.", transform: CommaSeparated.parse)
    var latent: CommaSeparated<LatentStructure> = "1x10"
    @Flag(help: "Skip the categorical and k-subset runs (e.g. to run --graph-cut alone).")
    var noLatentRuns = false
    @Option(help: "Estimators (comma-separated): the example's own direct, direct:EPS (exact direct optimisation, paper ε schedule or fixed ε), gsm, gsm:T (Gumbel-softmax, annealed or fixed T), exact; or a package estimator: \(EstimatorDescription.parsableNames) (C: AIMLE's target c). Bare aimle is the package's central-difference AIMLE (before this vocabulary was shared, it meant forward differences: write aimle-forward); bare imle is λ = 10.", transform: CommaSeparated.parse)
    var estimator: CommaSeparated<VAEEstimator> = "direct,direct:0.1,gsm,aimle-forward,exact"
    @Option(help: "Perturb-and-MAP samples per image in training.")
    var samples: Int = 1
    @Option(help: "Encoder and decoder: perceptron (the papers' MLPs) or linear (one affine layer each way, as the direct-optimisation reference code trains Table 1).")
    var networks: NetworkChoice = .perceptron
    @Flag(help: "Train the encoder on the reconstruction term alone, as the direct-optimisation reference code does (its KL term is commented out of the training loss); every reported loss still includes the KL.")
    var noEncoderKL = false
    @OptionGroup var shared: TrainingOptions<Defaults>
    @Option(help: "Binarisation of the images: dynamic, fixed or threshold.")
    var binarisation: Binarisation = .dynamic
    @OptionGroup var seeding: SeedOptions<Defaults>
    @Option(help: "Part 3: n binary latents, structured (graph cut over the complete graph) against unstructured encoders, trained with direct optimisation; 0 skips it.")
    var graphCut: Int = 0
    @Flag(help: "Part 3 also trains the general pairwise encoder (edge weights of any sign, MAP by GLPK's integer programming; Lorberbom et al. use CPLEX). Slow: one integer program per image and step.")
    var generalPairwise = false
    @OptionGroup var recipe: FullRecipeOptions<Defaults>
    @OptionGroup var tracing: TraceOptions

    /// The default run's settings and the published recipe's epochs (--full).
    enum Defaults: TrainingDefaults, RunDefaults {
        static let output = "out/discrete-vae"
        static let epochs = 1, batchSize = 100
        static let fullEpochs: Int? = 100
        static let learningRate: Float = 1e-3
        static let seed = OptionDefault<UInt64>(1, help: "Seed of initialisation, shuffling, binarisation and noise.")
        static let fullHelp = "The published recipe: all training images but 10 000 for validation, 100 epochs (override with --epochs)."
    }

    func validate() throws {
        try OptionCheck.check(graphCut, option: "--graph-cut", in: 0 ... 1_000)
        try OptionCheck.check(samples, option: "--samples", in: 1 ... 10_000)
    }

    func run() throws {
        let latents = latent.values
        let estimators = estimator.values
        let (training, held, test) = try images.load(fullRecipe: recipe.full ? 10_000 : nil)
        let epochCount = shared.epochs(full: recipe.full)
        let batchSize = shared.batchSize, learningRate = shared.learningRate()
        print("Fashion-MNIST: \(training.count) training, \(held.count) validation, \(test.count) test images; "
              + "\(epochCount) epoch(s), batch \(batchSize), \(binarisation.rawValue) binarisation")
        let seed = seeding.seed
        let session = VAETraining(training: training, validation: held, test: test, binarisation: binarisation,
                                  batchSize: batchSize, seed: seed)
        let directory = try OutputDirectory(shared.output)
        var records: [TrainingRecord] = []
        for latent in noLatentRuns ? [] : latents {
            var latentRecords: [TrainingRecord] = []
            for method in estimators {
                do { try method.validate(for: latent) } catch {
                    print("skipping \(method) on \(latent): \(error)")
                    continue
                }
                let run = ExampleRun(latent: latent, estimator: method, samples: samples, learningRate: learningRate,
                                         seed: seed, pixels: training.pixelCount, networks: networks, encoderKL: !noEncoderKL, trace: tracing.trace,
                                         referenceEvery: tracing.referenceEvery, earlierRecords: records)
                let record = try run.train(session, epochs: epochCount, directory: directory)
                latentRecords.append(record)
                records.append(record)
                try directory.saveMetrics(records)
            }
            try RunReport(directory: directory).write(title: "latent \(latent)", records: latentRecords, name: "\(latent)")
        }
        if graphCut > 0 {
            let structured = try StructuredRun(nodes: graphCut, epsilon: .paper, learningRate: learningRate, seed: seed,
                                               pixels: training.pixelCount, general: generalPairwise, directory: directory,
                                               earlierRecords: records).train(session, epochs: epochCount)
            records += structured
            try directory.saveMetrics(records)
            let report = RunReport(directory: directory)
            try report.write(title: "\(graphCut) binary latents", records: structured, name: "graph-cut")
            try report.write(title: "\(graphCut) binary latents", records: structured, name: "graph-cut-time", against: .trainingSeconds)
        }
        print(RunReport.table(records))
        try directory.writeText(RunReport.table(records), to: "results.md")
        print("Wrote \(directory.url.path)")
    }
}

extension Binarisation: ExpressibleByArgument {}

extension LatentStructure: ListArgument {
    /// Parses `NxK` or `NxKkM` with ``LatentStructure/init(parsing:)``.
    public init?(argument: String) { try? self.init(parsing: argument) }

    /// One latent, or why the item is not one.
    public static func values(parsing item: String) throws(ExampleError) -> [LatentStructure] { [try Self(parsing: item)] }
}

extension VAEEstimator: ListArgument {
    /// Parses an estimator's name with ``VAEEstimator/init(parsing:)``.
    public init?(argument: String) { try? self.init(parsing: argument) }

    /// One estimator, or why the item does not name one.
    public static func values(parsing item: String) throws(ExampleError) -> [VAEEstimator] { [try Self(parsing: item)] }
}
