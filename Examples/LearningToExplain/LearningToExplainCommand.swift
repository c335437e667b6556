import ArgumentParser
import DifferentiableSolvers
import Foundation
import LearningToExplainKit
import _ExampleSupport

/// Learning to explain with k-subsets on Fashion-MNIST (the AIMLE paper's Table 1 experiment,
/// Minervini et al. 2023, on data we have): a selector keeps k of the 7 × 7 patches of an image
/// and a classifier must predict the label from them alone; AIMLE, IMLE, L2X's Gumbel-softmax
/// relaxation (Chen et al. 2018) and straight-through compared on post-hoc accuracy and on
/// how many selected patches carry ink.
@main
struct LearningToExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "LearningToExplain",
        abstract: "Learning to explain Fashion-MNIST with k of 49 patches: AIMLE, IMLE, L2X, straight-through.")

    @OptionGroup var images: ImageDataOptions
    @Option(help: "Patches selected per image (comma-separated), each between 1 and 49.", transform: CommaSeparated.parse)
    var k: CommaSeparated<Int> = "8"
    @Option(help: "Methods (comma-separated): aimle, aimle-central[:C], aimle-forward[:C] (C: AIMLE's target c), imle[:LAMBDA], imle-central[:LAMBDA], ste, blackbox:LAMBDA, direct-loss[:EPS], l2x[:T] (L2X's relaxation at temperature T, default 0.5).", transform: CommaSeparated.parse)
    var estimators: CommaSeparated<SelectionMethod> = "aimle-central,imle:1000,l2x,ste"
    @OptionGroup var model: ExplainerOptions
    @OptionGroup var seeding: SeedOptions<Defaults>
    @OptionGroup var recipe: FullRecipeOptions<Defaults>
    @Option(help: "Test images on the PNG sheet of selections.")
    var sheetImages = 12
    @OptionGroup var shared: TrainingOptions<Defaults>

    /// The default run's settings and the full run's epochs.
    enum Defaults: TrainingDefaults, RunDefaults {
        static let output = "out/learning-to-explain"
        static let epochs = 3, fullEpochs: Int? = 10, batchSize = 100
        static let learningRate: Float = 1e-3
        static let seed = OptionDefault<UInt64>(1, help: "Seed of initialisation, shuffling and noise.")
        static var fullHelp: String {
            "All 55 000 training images (5 000 held out for validation) and \(fullEpochs ?? epochs) epochs (override with --epochs)."
        }
    }

    func validate() throws {
        try OptionCheck.check(k, option: "--k", in: 1 ... PatchGrid.fashionMNIST.patchCount)
        try OptionCheck.check(sheetImages, option: "--sheet-images", in: 1 ... 100)
    }

    func run() throws {
        let started = Date()
        let grid = PatchGrid.fashionMNIST
        let (training, held, test) = try images.load(fullRecipe: recipe.full ? 5_000 : nil)
        guard (training.height, training.width) == (grid.imageHeight, grid.imageWidth) else {
            throw ExampleError(.inconsistent, "\(images.directory) holds \(training.height) × \(training.width) images; "
                               + "the explainer cuts 28 × 28 images into 7 × 7 patches")
        }
        let epochs = shared.epochs(full: recipe.full), learningRate = shared.learningRate(full: recipe.full)
        let session = try ExplainerTraining(training: training, validation: held, test: test, batchSize: shared.batchSize,
                                            seed: seeding.seed)
        print("Fashion-MNIST: \(training.count) training, \(held.count) validation, \(test.count) test images; "
              + "\(epochs) epoch(s), batch \(shared.batchSize); k ∈ {\(k.text)}")
        let directory = try OutputDirectory(shared.output)
        var report = ExplanationReport(data: images.directory, sizes: [training.count, held.count, test.count], epochs: epochs,
                                       batchSize: shared.batchSize)
        let shown = min(sheetImages, test.count)
        let sheetImages = Array(test.pixels[0 ..< shown * grid.pixelCount])
        for k in k.values {
            var selections: [Matrix] = []
            for method in estimators.values {
                let configuration = model.configuration(k: k, method: method, learningRate: learningRate, seed: seeding.seed)
                var explainer = try PatchExplainer(configuration: configuration)
                let finished = report.runs
                let record = try session.run(&explainer, epochs: epochs, label: "k=\(k) \(method)") { partial throws(ExampleError) in
                    try report.saved(runs: finished + [partial], since: started, in: directory)
                }
                report = try report.saved(runs: finished + [record], since: started, in: directory)
                if let last = record.finalTest {
                    print(String(format: "k=%d %@: post-hoc accuracy %.1f %% (random %d patches %.1f %%), ink share %.1f %% "
                                 + "(random %.1f %%), %.1f s training", k, method.description, 100 * last.accuracy, k,
                                 100 * last.randomSelectionAccuracy, 100 * last.inkShare, 100 * last.randomInkShare,
                                 record.trainingSeconds))
                }
                selections.append(try explainer.explanations(of: sheetImages))
            }
            try SelectionSheet(images: sheetImages, grid: grid, selections: selections).image
                .write(to: directory.file("selections-k\(k).png"))
            try report.writeAccuracyPlot(k: k, to: directory)
        }
        print(report.table())
        try directory.writeText(report.table(), to: "results.md")
        print("Wrote \(directory.url.path)")
    }
}
