import ArgumentParser
import DifferentiableSolvers
import Foundation
import WarcraftShortestPathKit
import _ExampleSupport

/// Learns terrain costs from Warcraft map images through a shortest-path solver
/// (Pogančić et al. 2020; Niepert et al. 2021; Minervini et al. 2023): a ResNet-18 stem
/// predicts the H × H tile costs, Dijkstra finds the cheapest top-left → bottom-right path,
/// and the Hamming loss against the true path is back-propagated through the solver with
/// the chosen gradient estimator.
@main
struct WarcraftShortestPath: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn Warcraft terrain costs end to end through a shortest-path solver.",
        discussion: """
        By default trains AIMLE with forward differences from α₀ = 20 (torch-adaptive-imle's \
        Warcraft start; target c = 1, η = 1e-3, no noise) for 5 epochs on 4,000 generated 12 × 12 \
        maps with Adam 2e-3 divided by 10 after epochs 3 and 4: about three minutes on 2 cores in \
        release mode. --full runs the published recipe: 10,000 training and 1,000 test maps, 50 \
        epochs, Adam 5e-4 divided by 10 at epochs 30 and 40, batches of 70. --data DIR trains on \
        the published dataset's .npy files instead.
        """)

    @Option(help: "Gradient methods to train, comma-separated: \(WarcraftMethod.allCases.map(\.rawValue).joined(separator: ", ")) (the package's estimator names, also aimle = aimle-central, imle-forward = imle, ste = straight-through), without numbers: λ comes from --lambda (20 here; the package's bare imle is λ = 10), AIMLE's target from --aimle-target.", transform: CommaSeparated.parse)
    var method: CommaSeparated<WarcraftMethod> = [.aimleForward]
    @Option(help: "Tiles per side H of generated maps (ignored with --data).")
    var grid: Int = 12
    @Option(help: "Draw every generated tile from a fixed set of this many pictures per terrain (a tileset, as in the game) instead of varying each tile at random.")
    var tileVariants: Int?
    @Flag(help: "Keep only generated maps whose cheapest path is unique, so that the label is the only cost-optimal path.")
    var uniqueOptimum = false
    @Option(help: "Generated training maps (default 4,000; --full: 10,000, the published set's size).")
    var train: Int?
    @Option(help: "Generated test maps (default 200; --full: 1,000).")
    var test: Int?
    @OptionGroup var shared: TrainingOptions<Defaults>
    @Option(help: "Epochs after which the learning rate is divided by 10, comma-separated (default 3,4; --full: 30,40).", transform: CommaSeparated.parse)
    var milestones: CommaSeparated<Int>?
    @Option(help: "λ of IMLE and blackbox.")
    var lambda: Float = 20
    @Option(help: "Perturbation: none, gumbel, normal or sog = sum-of-gamma (Sum-of-Gamma, k = round(1.3 H)); by default per method.", transform: WarcraftNoise.init(parsing:))
    var noise: WarcraftNoise?
    @Option(help: "Noise samples per map; by default 1 (5 for the perturbed optimiser).")
    var samples: Int?
    @Option(help: "Temperature of the perturbation.")
    var temperature: Float = 1
    @Option(help: "AIMLE: target c of the mean number of cells in which the two perturbed paths differ (default: 10 for aimle-central, the paper's 1 for aimle-forward).")
    var aimleTarget: Double?
    @Flag(help: "AIMLE: how α moves towards the target — the paper's additive steps (η = 1e-3; the default for aimle-forward) or steps of 20 % (the default for aimle-central).")
    var alphaRule: AlphaRule?
    @Option(help: "AIMLE: the initial α₀ (default: 0 for aimle-central; 20 for aimle-forward, where torch-adaptive-imle's Warcraft trainer starts: the blackbox λ).")
    var aimleInitialAlpha: Double?
    @OptionGroup var seeding: SeedOptions<Defaults>
    @Option(help: "Directory with the published dataset ({train,test}_{maps,vertex_weights,shortest_paths}.npy).")
    var data: String?
    @Option(help: "Also write the generated dataset into this directory in the published layout.")
    var saveData: String?
    @OptionGroup var recipe: FullRecipeOptions<Defaults>
    @Option(help: "Write a per-step trace (α, mean λ, non-zero entries against c, ‖∂L/∂θ‖; CSV and SVG), with the cosine to a 200-sample reference gradient every N steps.")
    var trace: Int?
    @Flag(help: "Continue from the checkpoints in the output directory.")
    var resume = false

    /// The default run's settings and the published recipe's (--full).
    enum Defaults: TrainingDefaults, RunDefaults {
        static let output = "out/warcraft"
        static let epochs = 5, batchSize = 70
        static let fullEpochs: Int? = 50
        static let learningRate: Float = 2e-3
        static let fullLearningRate: Float? = 5e-4
        static let seed = OptionDefault<UInt64>(0, help: "Seed of the data, the model and the perturbations.")
        static let fullHelp = "The published recipe: 10,000 / 1,000 maps, 50 epochs."
    }

    func validate() throws {
        try OptionCheck.check(grid, option: "--grid", in: 2 ... 100)
        for (value, option) in [(trainCount, "--train"), (testCount, "--test")] {
            try OptionCheck.check(value, option: option, in: 1 ... 1_000_000)
        }
        if let tileVariants { try OptionCheck.check(tileVariants, option: "--tile-variants", in: 1 ... 1_000_000) }
        if let samples { try OptionCheck.check(samples, option: "--samples", in: 1 ... 10_000) }
        if let trace { try OptionCheck.check(trace, option: "--trace", in: 1 ... 1_000_000) }
        try OptionCheck.check(lambda, option: "--lambda", in: 0 ... 1e6, exclusiveLowerBound: true)
        try OptionCheck.check(temperature, option: "--temperature", in: 0 ... 1e3)
        if let aimleTarget { try OptionCheck.check(aimleTarget, option: "--aimle-target", in: 0 ... 1e6, exclusiveLowerBound: true) }
        if let aimleInitialAlpha { try OptionCheck.check(aimleInitialAlpha, option: "--aimle-initial-alpha", in: 0 ... 1e6) }
        try OptionCheck.check(milestoneEpochs(), option: "--milestones", in: 1 ... 100_000)
    }

    /// The default command is a few minutes on two cores that already trains AIMLE to a model
    /// that solves the task (4,000 maps, 5 epochs, Adam 2e-3 divided by 10 after epochs 3
    /// and 4); --full is the published recipe. Explicit options override either.
    var trainCount: Int { train ?? (recipe.full ? 10_000 : 4_000) }
    var testCount: Int { test ?? (recipe.full ? 1_000 : 200) }
    var epochCount: Int { shared.epochs(full: recipe.full) }
    var initialLearningRate: Float { shared.learningRate(full: recipe.full) }

    /// The epochs of --milestones, by default those of the chosen recipe.
    func milestoneEpochs() -> CommaSeparated<Int> { milestones ?? (recipe.full ? "30,40" : "3,4") }

    func settings(for method: WarcraftMethod) -> WarcraftTrainingSettings {
        var settings = WarcraftTrainingSettings(method: method)
        settings.lambda = lambda
        if let alphaRule { settings.fastAdaptation = alphaRule == .multiplicativeAlpha }
        if let aimleTarget { settings.aimleTarget = aimleTarget }
        if let aimleInitialAlpha { settings.aimleInitialAlpha = aimleInitialAlpha > 0 ? aimleInitialAlpha : nil }
        if let noise { settings.noise = noise }
        if let samples { settings.samples = samples }
        settings.temperature = temperature
        settings.learningRate = initialLearningRate
        settings.milestones = milestoneEpochs().values
        settings.batchSize = shared.batchSize
        settings.seed = seeding.seed
        return settings
    }

    func run() throws {
        let started = ContinuousClock.now
        let directory = try OutputDirectory(shared.output)
        let (trainSet, testSet) = try loadData()
        let uniqueness = (train: OptimalPathCount.uniqueShare(trainSet), test: OptimalPathCount.uniqueShare(testSet))
        say(String(format: "Data: %d training and %d test maps of %d × %d tiles; %.0f %% and %.0f %% of them have a unique cheapest path.",
                   trainSet.count, testSet.count, trainSet.gridSize, trainSet.gridSize, 100 * uniqueness.train, 100 * uniqueness.test))
        let normalization = ImageNormalization(fitting: trainSet)
        let totalEpochs = epochCount
        var runs: [WarcraftRunRecord] = []
        for method in method.values {
            var training = WarcraftTrainingRun(settings: settings(for: method), epochs: totalEpochs, directory: directory,
                                               resume: resume, traceEvery: trace)
            training.log = { say($0) }
            let (run, trainer) = try training.run(train: trainSet, test: testSet, normalization: normalization)
            runs.append(run)
            let shown = min(8, testSet.count)
            let paths = try trainer.predictedPaths(testSet, indices: 0..<shown)
            try PathSheet.render(testSet, predicted: paths, count: shown).write(to: directory.file("paths-\(method.rawValue).png"))
        }
        let elapsed = ContinuousClock.now - started
        let data = RunReport.DataSummary(trainMaps: trainSet.count, testMaps: testSet.count, gridSize: trainSet.gridSize,
                                         trainUniqueOptimum: uniqueness.train, testUniqueOptimum: uniqueness.test)
        let report = RunReport(log: RunLog(executable: "WarcraftShortestPath", settings: data, runs: runs,
                                           wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        try report.write(into: directory)
        say(report.table())
        say("Wrote \(directory.url.path): metrics.json, curves.svg, loss.svg, paths-*.png, table.md.")
    }

    func loadData() throws -> (WarcraftDataset, WarcraftDataset) {
        if let data {
            let url = URL(fileURLWithPath: data, isDirectory: true)
            return (try WarcraftDataset(directory: url, split: "train"), try WarcraftDataset(directory: url, split: "test"))
        }
        let trainSet = try WarcraftGenerator(gridSize: grid, seed: seeding.seed, tileVariants: tileVariants, uniqueOptimum: uniqueOptimum)
            .makeDataset(count: trainCount)
        let testSet = try WarcraftGenerator(gridSize: grid, seed: seeding.seed &+ 1_000_003, tileVariants: tileVariants,
                                        uniqueOptimum: uniqueOptimum)
            .makeDataset(count: testCount)
        if let saveData {
            let url = URL(fileURLWithPath: saveData, isDirectory: true)
            try trainSet.write(directory: url, split: "train")
            try testSet.write(directory: url, split: "test")
        }
        return (trainSet, testSet)
    }
}

extension WarcraftMethod: ListArgument {
    /// Parses a method's name with ``WarcraftMethod/init(parsing:)``.
    public init?(argument: String) { try? self.init(parsing: argument) }

    /// One method, or why the item does not name one.
    public static func values(parsing item: String) throws(ExampleError) -> [WarcraftMethod] { [try Self(parsing: item)] }
}

extension WarcraftNoise: ExpressibleByArgument {
    /// Parses a noise name with ``WarcraftNoise/init(parsing:)``.
    public init?(argument: String) { try? self.init(parsing: argument) }
}

/// Writes a line to standard output unbuffered, so that progress appears at once in logs too.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
