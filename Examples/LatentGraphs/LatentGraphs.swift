import ArgumentParser
import DifferentiableSolvers
import Foundation
import LatentGraphsKit
import _ExampleSupport

/// Neural relational inference over spanning trees (Minervini et al. 2023, Table 2, in the
/// setting of Paulus et al. 2020): recover the latent tree behind force-directed layout
/// trajectories with a VAE whose latent is Kruskal's maximum spanning tree, trained with
/// AIMLE, IMLE (λ chosen on validation) and a straight-through Gumbel-softmax baseline.
@main
struct LatentGraphs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Latent spanning-tree recovery (NRI) with AIMLE, IMLE and Gumbel-softmax.")

    @Option(help: "Frames per trajectory T (the paper uses 10 and 20).")
    var timesteps: Int = 10
    @Option(help: "Vertices per graph.")
    var vertices: Int = 10
    @Option(help: "Training examples (the reference generates 50 000).")
    var train: Int = 1000
    @Option(help: "Validation examples (reference: 10 000).")
    var valid: Int = 200
    @Option(help: "Test examples (reference: 10 000).")
    var test: Int = 500
    @OptionGroup var shared: TrainingOptions<Defaults>
    @Option(help: "Hidden units of encoder and decoder (reference: 256).")
    var hidden: Int = 32
    @Option(help: "Training rollout length k, 1 … T − 1; by default the reference's min(T − 1, 10) (9 for T = 10, 10 for T = 20). Evaluation uses teacher forcing.")
    var predictionSteps: Int?
    @Option(help: "Perturb-and-MAP samples per example.")
    var samples: Int = 1
    @Option(help: "Number of training seeds per estimator (Minervini et al. 2023 report means over 3).")
    var seeds: Int = 1
    @Option(help: "Estimators (comma-separated), the package's names without numbers: aimle-forward, aimle-central (or aimle), imle-forward (or imle), imle-central, gumbel-softmax; AIMLE's target comes from --aimle-target, IMLE's λ from --lambda or --lambdas, the temperature from --temperature.", transform: CommaSeparated.parse)
    var estimators = CommaSeparated(EstimatorChoice.allCases)
    @Option(help: "IMLE's λ when the λ sweep is off.")
    var lambda: Float = 10
    @Flag(help: "Sweep IMLE's λ over --lambdas (one run per λ, the best on validation ELBO with seed 0 reused for the other seeds), as the paper selects it; on with --paper.")
    var lambdaSweep = false
    @Option(help: "IMLE λ grid of the λ sweep (comma-separated).", transform: CommaSeparated.parse)
    var lambdas: CommaSeparated<Double> = "1,10,100"
    @Option(help: "AIMLE's target c: the mean number of edges in which the two perturbed trees differ (the paper's generic c = 1).")
    var aimleTarget: Double = 1
    @Option(help: "Gumbel-softmax temperature.")
    var temperature: Float = 1
    @Option(help: "Seed of the data.")
    var dataSeed: UInt64 = 42
    @Flag(help: "Diagnostic: train only the encoder, against the decoder trained on the true trees.")
    var fixedOracleDecoder = false
    @OptionGroup var smoke: QuickRunOptions<Defaults>
    @Flag(help: "The reference sizes: 50 000/10 000/10 000 examples, 256 hidden units, batches of 128, 3 seeds, λ sweep.")
    var paper = false
    @OptionGroup var tracing: TraceOptions

    /// The default run's settings (--paper uses batches of 128, --quick 3 epochs).
    enum Defaults: TrainingDefaults, RunDefaults {
        static let output = "out/latent-graphs"
        static let epochs = 10, batchSize = 32
        static let learningRate: Float = 1e-3
        static let quickHelp = "A one-minute smoke run: 300 training examples, 3 epochs, no λ sweep."
    }

    func validate() throws {
        try OptionCheck.check(timesteps, option: "--timesteps", in: 2 ... 1_000)
        try OptionCheck.check(vertices, option: "--vertices", in: 3 ... 200)
        for (value, option) in [(train, "--train"), (valid, "--valid"), (test, "--test")] {
            try OptionCheck.check(value, option: option, in: 1 ... 1_000_000)
        }
        try OptionCheck.check(hidden, option: "--hidden", in: 1 ... 4_096)
        try OptionCheck.check(samples, option: "--samples", in: 1 ... 1_000)
        try OptionCheck.check(seeds, option: "--seeds", in: 1 ... 1_000)
        try OptionCheck.check(lambda, option: "--lambda", in: 0 ... 1e6, exclusiveLowerBound: true)
        try OptionCheck.check(temperature, option: "--temperature", in: 0 ... 1e3, exclusiveLowerBound: true)
        try OptionCheck.check(aimleTarget, option: "--aimle-target", in: 0 ... 1e6, exclusiveLowerBound: true)
        try OptionCheck.check(lambdas, option: "--lambdas", in: 0 ... 1e6, exclusiveLowerBound: true)
        if let k = predictionSteps, k < 1 || k > timesteps - 1 {
            throw ExampleError(option: "--prediction-steps", "must be between 1 and T − 1 = \(timesteps - 1) (got \(k))")
        }
    }

    func run() throws {
        let started = Date()
        let sizes = paper ? (50_000, 10_000, 10_000) : smoke.quick ? (300, 100, 200) : (train, valid, test)
        let width = paper ? 256 : hidden, batch = paper ? 128 : shared.batchSize, seedCount = paper ? 3 : seeds
        let learningRate = shared.learningRate()
        let directory = try OutputDirectory(shared.output)
        let splits = try makeSplits(sizes: sizes, directory: directory)
        var settings = RunSettings(
            configuration: LatentGraphConfiguration(encoderHiddenSize: width, decoderHiddenSize: width,
                                                    samples: samples, learningRate: learningRate,
                                                    predictionSteps: predictionSteps),
            epochs: smoke.quick ? 3 : shared.epochs(), batchSize: batch, evaluationBatchSize: 100)
        let (baselines, oracleDecoder) = try StructureBaselines.measure(splits: splits, settings: settings)
        if fixedOracleDecoder { settings.fixedDecoder = oracleDecoder }
        if tracing.trace {
            settings.traceDirectory = directory
            settings.traceEvery = tracing.referenceEvery
        }
        print(String(format: "decoder told the true tree: test NLL %.1f; random tree %.1f; no edges %.1f",
                     baselines.oracleTrueTreeNLL, baselines.oracleRandomTreeNLL, baselines.oracleNoEdgesNLL))
        print(String(format: "MST of last-frame distances: edge precision %.1f %%", 100 * baselines.distanceTreePrecision))
        var runs: [RunResult] = []
        let sweeps = (lambdaSweep || paper) && !smoke.quick
        var grid = sweeps ? lambdaGrid : [lambda]
        for choice in estimators.values {
            for seed in 0..<UInt64(seedCount) {
                for estimator in choice.estimators(lambdas: grid, temperature: temperature, edgeCount: splits.graph.edgeCount,
                                                          aimleTarget: aimleTarget) {
                    let run = try TrainingRun.train(choice, estimator: estimator, seed: seed, splits: splits, settings: settings)
                    print(String(format: "%@ seed %llu: test ELBO %.1f, edge precision %.1f %% (MAP tree %.1f %%), %.1f s/epoch",
                                 run.estimatorName, seed, run.test.elbo, 100 * run.test.sampled.precision,
                                 100 * run.test.mode.precision, run.secondsPerEpoch))
                    runs.append(run)
                    // Written after every run, so a long session leaves its results behind.
                    try LatentGraphsReport(timesteps: timesteps, sizes: [sizes.0, sizes.1, sizes.2], settings: settings,
                                           baselines: baselines, runs: runs,
                                           wallSeconds: Date().timeIntervalSince(started)).write(to: directory)
                }
                if seed == 0, let best = runs.filter({ $0.estimator == choice }).max(by: { $0.valid.elbo < $1.valid.elbo }),
                   let chosen = best.lambda {
                    grid = [chosen]
                }
            }
            grid = sweeps ? lambdaGrid : [lambda]
        }
        print(LatentGraphsReport(timesteps: timesteps, sizes: [sizes.0, sizes.1, sizes.2], settings: settings,
                                 baselines: baselines, runs: runs).table())
    }

    private func makeSplits(sizes: (Int, Int, Int), directory: OutputDirectory) throws -> Splits {
        let generation = ProgressBar("generating layouts", total: 3)
        var made: [GraphLayoutDataset] = []
        for (split, count) in [sizes.0, sizes.1, sizes.2].enumerated() {
            made.append(try GraphLayoutDataset.generate(count: count, vertexCount: vertices, timesteps: timesteps,
                                                        seed: dataSeed, split: UInt64(split)))
            generation.advance()
        }
        generation.finish()
        let range = made[0].range
        let names = ["train", "valid", "test"]
        for (dataset, name) in zip(made, names) { try dataset.write(to: directory.url, split: name) }
        return Splits(train: made[0].normalized(from: range), valid: made[1].normalized(from: range),
                      test: made[2].normalized(from: range), graph: try CompleteGraph(vertexCount: vertices))
    }

    /// IMLE's λ grid of --lambdas (read as `Double`, then rounded to `Float`).
    private var lambdaGrid: [Float] { lambdas.values.map(Float.init) }
}

extension EstimatorChoice: ListArgument {
    /// Parses an estimator's name with ``EstimatorChoice/init(parsing:)``.
    init?(argument: String) { try? self.init(parsing: argument) }

    /// One estimator, or why the item does not name one.
    static func values(parsing item: String) throws(ExampleError) -> [EstimatorChoice] { [try Self(parsing: item)] }
}
