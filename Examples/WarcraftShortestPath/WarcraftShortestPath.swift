import ArgumentParser
import DifferentiableSolvers
import Foundation
import WarcraftData
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
        By default trains AIMLE (central differences) for a few epochs on a small generated 12 × 12 \
        dataset (a few minutes on 2 cores in release mode). --full runs the published recipe: \
        10,000 training and 1,000 test maps, 50 epochs, Adam 5e-4 divided by 10 at epochs 30 and 40, \
        batches of 70. --data DIR trains on the published dataset's .npy files instead.
        """)

    @Option(help: "Gradient methods to train, comma-separated: \(WarcraftMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
    var method: String = WarcraftMethod.aimleCentral.rawValue
    @Option(help: "Tiles per side H of generated maps (ignored with --data).")
    var grid: Int = 12
    @Option(help: "Generated training maps (the published set has 10,000).")
    var train: Int = 500
    @Option(help: "Generated test maps (the published set has 1,000).")
    var test: Int = 200
    @Option(help: "Training epochs (the recipe uses 50).")
    var epochs: Int = 5
    @Option(help: "Maps per training step.")
    var batchSize: Int = 70
    @Option(help: "Initial Adam learning rate.")
    var learningRate: Float = 5e-4
    @Option(help: "Epochs after which the learning rate is divided by 10, comma-separated.")
    var milestones: String = "30,40"
    @Option(help: "λ of IMLE and blackbox.")
    var lambda: Float = 20
    @Option(help: "Perturbation: none, gumbel, normal or sog (Sum-of-Gamma, k = round(1.3 H)); by default per method.")
    var noise: WarcraftNoise?
    @Option(help: "Noise samples per map; by default 1 (5 for the perturbed optimiser).")
    var samples: Int?
    @Option(help: "Temperature of the perturbation.")
    var temperature: Float = 1
    @Option(help: "AIMLE: target c of the mean number of cells in which the two perturbed paths differ (the paper's generic default is 1).")
    var aimleTarget: Double = 10
    @Flag(help: "AIMLE: the paper's additive α steps (η = 1e-3) instead of multiplicative ones (a longer warm-up).")
    var paperAlpha = false
    @Option(help: "Seed of the data, the model and the perturbations.")
    var seed: UInt64 = 0
    @Option(help: "Directory with the published dataset ({train,test}_{maps,vertex_weights,shortest_paths}.npy).")
    var data: String?
    @Option(help: "Also write the generated dataset into this directory in the published layout.")
    var saveData: String?
    @Flag(help: "The published recipe: 10,000 / 1,000 maps, 50 epochs.")
    var full = false
    @Flag(help: "Continue from the checkpoints in the output directory.")
    var resume = false
    @Option(help: "Where checkpoints, figures and metrics are written.")
    var output: String = "out/warcraft"

    func validate() throws {
        _ = try OptionCheck.items(method, option: "--method")
        _ = try methods()
        try OptionCheck.check(grid, option: "--grid", in: 2 ... 100)
        for (value, option) in [(train, "--train"), (test, "--test")] {
            try OptionCheck.check(value, option: option, in: 1 ... 1_000_000)
        }
        try OptionCheck.check(epochs, option: "--epochs", in: 1 ... 100_000)
        try OptionCheck.check(batchSize, option: "--batch-size", in: 1 ... 100_000)
        if let samples { try OptionCheck.check(samples, option: "--samples", in: 1 ... 10_000) }
        try OptionCheck.check(learningRate, option: "--learning-rate", in: 0 ... 1e3, exclusiveLowerBound: true)
        try OptionCheck.check(lambda, option: "--lambda", in: 0 ... 1e6, exclusiveLowerBound: true)
        try OptionCheck.check(temperature, option: "--temperature", in: 0 ... 1e3)
        try OptionCheck.check(aimleTarget, option: "--aimle-target", in: 0 ... 1e6, exclusiveLowerBound: true)
        _ = try OptionCheck.integers(milestones, option: "--milestones", in: 1 ... 100_000)
    }

    func methods() throws -> [WarcraftMethod] {
        try method.split(separator: ",").map { name in
            let name = name.trimmingCharacters(in: .whitespaces)
            guard let method = WarcraftMethod(rawValue: name) else {
                throw ValidationError("unknown method '\(name)'; choose from \(WarcraftMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return method
        }
    }

    func milestoneEpochs() throws -> [Int] {
        try milestones.split(separator: ",").map {
            guard let epoch = Int($0.trimmingCharacters(in: .whitespaces)), epoch >= 1 else {
                throw ValidationError("--milestones must be positive integers, got '\($0)'")
            }
            return epoch
        }
    }

    func settings(for method: WarcraftMethod) throws -> WarcraftTrainingSettings {
        var settings = WarcraftTrainingSettings(method: method)
        settings.lambda = lambda
        settings.fastAdaptation = !paperAlpha
        settings.aimleTarget = aimleTarget
        if let noise { settings.noise = noise }
        if let samples { settings.samples = samples }
        settings.temperature = temperature
        settings.learningRate = learningRate
        settings.milestones = try milestoneEpochs()
        settings.batchSize = batchSize
        settings.seed = seed
        return settings
    }

    func run() throws {
        let directory = try OutputDirectory(output)
        let (trainSet, testSet) = try loadData()
        say("Data: \(trainSet.count) training and \(testSet.count) test maps of \(trainSet.gridSize) × \(trainSet.gridSize) tiles.")
        let normalization = ImageNormalization(fitting: trainSet)
        let totalEpochs = full ? 50 : epochs
        var runs: [MethodRun] = []
        for method in try methods() {
            let training = MethodTraining(settings: try settings(for: method), epochs: totalEpochs, directory: directory, resume: resume)
            let (run, trainer) = try training.run(train: trainSet, test: testSet, normalization: normalization)
            runs.append(run)
            let shown = min(8, testSet.count)
            let paths = try trainer.predictedPaths(testSet, indices: 0..<shown)
            try PathSheet.render(testSet, predicted: paths, count: shown).write(to: directory.file("paths-\(method.rawValue).png"))
        }
        let report = RunReport(runs: runs)
        try report.write(into: directory)
        say(report.table())
        say("Wrote \(directory.url.path): metrics.json, curves.svg, loss.svg, paths-*.png, table.md.")
    }

    func loadData() throws -> (WarcraftDataset, WarcraftDataset) {
        if let data {
            let url = URL(fileURLWithPath: data, isDirectory: true)
            return (try WarcraftDataset(directory: url, split: "train"), try WarcraftDataset(directory: url, split: "test"))
        }
        let trainCount = full ? 10_000 : train, testCount = full ? 1_000 : test
        let trainSet = try WarcraftGenerator(gridSize: grid, seed: seed).makeDataset(count: trainCount)
        let testSet = try WarcraftGenerator(gridSize: grid, seed: seed &+ 1_000_003).makeDataset(count: testCount)
        if let saveData {
            let url = URL(fileURLWithPath: saveData, isDirectory: true)
            try trainSet.write(directory: url, split: "train")
            try testSet.write(directory: url, split: "test")
        }
        return (trainSet, testSet)
    }
}

extension WarcraftNoise: ExpressibleByArgument {}

/// Writes a line to standard output unbuffered, so that progress appears at once in logs too.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
