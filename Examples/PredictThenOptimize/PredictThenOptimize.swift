import ArgumentParser
import Foundation
import PredictThenOptimizeKit
import _ExampleSupport

/// Decision-focused learning in the style of PyEPO (Tang & Khalil): a linear model predicts
/// the costs of a shortest-path or knapsack problem from features and is trained with every
/// method side by side; the table reports the normalised test regret (mean ± std over seeds)
/// and the training wall time.
@main
struct PredictThenOptimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predict-then-optimise benchmark (PyEPO's shortest path and knapsack): regret and training time per method.")

    @Option(help: "Problems to run, comma-separated: shortest-path, knapsack.", transform: CommaSeparated.parse)
    var problems: CommaSeparated<BenchmarkProblem> = "shortest-path,knapsack"
    @Option(help: "Methods, comma-separated (PyEPO's 2s, spo+, dbb, nid, dpo, pfyl, aimle-fwd, aimle-cen, direct, and the package's imle or imle-forward, λ = 10) or all.", transform: CommaSeparated.parse)
    var methods: CommaSeparated<TrainingMethod> = "all"
    @Option(help: "Training instances.")
    var train: Int = 1000
    @Option(help: "Test instances.")
    var test: Int = 1000
    @Option(help: "Features p.")
    var features: Int = 5
    @Option(help: "Polynomial degree of the feature-to-cost map.")
    var deg: Int = 4
    @Option(help: "Half-width of the multiplicative noise.")
    var noise: Double = 0.5
    @Option(help: "Seeds (each draws its own data and model).")
    var seeds: Int = 3
    @Option(help: "Seed of the first data set (PyEPO's default is 135).")
    var dataSeed: UInt64 = 135
    @Option(help: "Grid size of the shortest-path problem (grid × grid vertices).")
    var grid: Int = 5
    @Option(help: "Knapsack items.")
    var items: Int = 32
    @Option(help: "Knapsack resources (constraints).")
    var resources: Int = 2
    @Option(help: "Knapsack capacity of every resource.")
    var capacity: Double = 20
    @Option(help: "Knapsack oracle: ilp (GLPK) or dp (dynamic programming, one resource only).")
    var knapsackSolver: String = "ilp"
    @OptionGroup var shared: TrainingOptions<Defaults>
    @Option(help: "AIMLE's initial α.")
    var aimleAlpha: Double = 1
    @Option(help: "Noise of IMLE and AIMLE: sum-of-gamma (or sog; PyEPO's, k = 5) or gumbel.", transform: IMLENoise.init(parsing:))
    var imleNoise: IMLENoise = .sumOfGamma
    @Option(help: "Loss of IMLE: regret or solution-l1 (PyEPO's pairing).")
    var imleLoss: TaskLoss = .regret
    @Option(help: "Loss of AIMLE: regret or solution-l1 (PyEPO's pairing).")
    var aimleLoss: TaskLoss = .solutionL1
    @Option(help: "Loss of direct loss minimisation: regret or solution-l1.")
    var directLoss: TaskLoss = .regret
    @OptionGroup var threading: ThreadOptions<Defaults>
    @Option(help: "Read data from this folder instead of generating it: <dir>/<problem>/{train,test}/{x,c[,w,z]}.npy and, for knapsack, <dir>/knapsack/weights.npy (PyEPO's arrays saved with numpy.save).")
    var data: String?
    @Flag(help: "Also write the generated data as .npy files under <output>/data.")
    var saveData = false
    @OptionGroup var smoke: QuickRunOptions<Defaults>

    /// The default run's settings (--quick trains 3 epochs).
    enum Defaults: TrainingDefaults, RunDefaults {
        static let output = "out/predict-then-optimize"
        static let epochs = 10, batchSize = 32
        static let learningRate: Float = 1e-2
        static let threads = OptionDefault(0, help: "Worker threads for the solver calls (0: all cores).")
        static let quickHelp = "A one-minute smoke run: 200/200 instances, 3 epochs, 1 seed."
    }

    func validate() throws {
        for (value, option) in [(train, "--train"), (test, "--test")] {
            try OptionCheck.check(value, option: option, in: 1 ... 1_000_000)
        }
        try OptionCheck.check(features, option: "--features", in: 1 ... 10_000)
        try OptionCheck.check(deg, option: "--deg", in: 1 ... 32)
        try OptionCheck.check(seeds, option: "--seeds", in: 1 ... 1_000)
        try OptionCheck.check(grid, option: "--grid", in: 2 ... 200)
        try OptionCheck.check(items, option: "--items", in: 1 ... 10_000)
        try OptionCheck.check(resources, option: "--resources", in: 1 ... 100)
        try OptionCheck.check(capacity, option: "--capacity", in: 0 ... 1e9, exclusiveLowerBound: true)
        try OptionCheck.check(aimleAlpha, option: "--aimle-alpha", in: 0 ... 1e6)
        try OptionCheck.check(noise, option: "--noise", in: 0 ... 1)
        guard noise < 1 else { throw ExampleError(option: "--noise", "must be below 1 (got \(noise))") }
        guard ["ilp", "dp"].contains(knapsackSolver) else { throw ValidationError("--knapsack-solver must be ilp or dp") }
    }

    func run() throws {
        var scale = BenchmarkScale(train: train, test: test, features: features, degree: deg, noiseWidth: noise,
                                   epochs: shared.epochs(), seeds: seeds, dataSeed: dataSeed)
        if smoke.quick { scale = BenchmarkScale(train: 200, test: 200, features: features, degree: deg, noiseWidth: noise,
                                          epochs: 3, seeds: 1, dataSeed: dataSeed) }
        var settings = MethodSettings()
        settings.aimleInitialAlpha = aimleAlpha
        settings.imleLoss = imleLoss
        settings.aimleLoss = aimleLoss
        settings.directLoss = directLoss
        settings.imleNoise = imleNoise
        let trainer = DecisionTrainer(epochs: scale.epochs, batchSize: shared.batchSize, learningRate: shared.learningRate(),
                                      settings: settings, parallelism: threading.parallelism)
        let directory = try OutputDirectory(shared.output)
        let report = BenchmarkReport(directory: directory)
        let chosen = methods.values
        var everything: [String: [TrainingRun]] = [:]
        for problem in problems.values {
            let setup = BenchmarkSetup(problem: problem, scale: scale, grid: grid, items: items, resources: resources,
                                       capacity: capacity, knapsackSolver: knapsackSolver,
                                       dataFolder: data.map { URL(fileURLWithPath: $0) },
                                       saveFolder: saveData ? directory.file("data") : nil)
            let runs = try setup.run(methods: chosen, trainer: trainer)
            everything[problem.rawValue] = runs
            let title = "\(setup.title) — \(setup.describe(trainer: trainer))"
            let table = report.table(title: title, runs: runs)
            print(table)
            try report.write(problem: problem.rawValue, title: title, runs: runs, table: table)
        }
        try directory.writeJSON(everything, to: "runs.json")
        print("Wrote \(directory.url.path): table-*.md, summary-*.{csv,json}, runs-*.csv, runs.json, regret-*.svg, bars-*.svg")
    }
}

extension TrainingMethod: ListArgument {
    /// A method's name (not `all`), read by ``TrainingMethod/methods(parsing:)``.
    public init?(argument: String) {
        guard let methods = try? Self.methods(parsing: EstimatorItem(argument)), methods.count == 1 else { return nil }
        self = methods[0]
    }

    /// A method's name, or `all` for every method, read by ``TrainingMethod/methods(parsing:)``.
    public static func values(parsing item: String) throws(ExampleError) -> [TrainingMethod] {
        try methods(parsing: EstimatorItem(item))
    }
}
extension BenchmarkProblem: ListArgument {}
extension IMLENoise: ExpressibleByArgument {
    /// Reads a noise name with ``IMLENoise/init(parsing:)``.
    public init?(argument: String) { try? self.init(parsing: argument) }
}
extension TaskLoss: ExpressibleByArgument {}
