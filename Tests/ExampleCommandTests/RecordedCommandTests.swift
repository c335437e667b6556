import ArgumentParser
@testable import DiscreteVAE
import DiscreteVAEKit
@testable import GradientFidelity
@testable import LatentGraphs
@testable import LearningToExplain
@testable import PredictThenOptimize
import PredictThenOptimizeKit
import Testing
@testable import WarcraftShortestPath
import _ExampleSupport

/// Command lines recorded with committed results (results/*.json "command" fields and
/// RESULTS.md) and the comma-separated spellings of every list option: they must keep parsing,
/// to the same values.
@Suite("Recorded command lines keep parsing, comma-separated lists included")
struct RecordedCommandTests {
    static let recorded: [(command: any ParsableCommand.Type, arguments: String)] = [
        (WarcraftShortestPath.self, "--train 1000 --test 200 --epochs 15 --milestones 12,14 --unique-optimum --method aimle-forward "
            + "--aimle-initial-alpha 20 --paper-alpha --aimle-target 1 --noise none --trace 100000 --output /tmp/x"),
        (WarcraftShortestPath.self, "--train 1000 --test 200 --epochs 6 --milestones 5 --method aimle-forward --noise sog "
            + "--learning-rate 2e-3 --aimle-target 10 --multiplicative-alpha --aimle-initial-alpha 0"),
        (WarcraftShortestPath.self, "--full --method aimle-central --noise none --epochs 51 --resume --output /tmp/diag-full"),
        (DiscreteVAECommand.self, "--latent 20x20k10 --estimator aimle-central:10,aimle-central,imle:1,imle:10,imle:100 --epochs 3 --trace"),
        (DiscreteVAECommand.self, "--full --latent 1x10 --estimator direct --binarisation threshold --no-encoder-kl"),
        (DiscreteVAECommand.self, "--no-latent-runs --graph-cut 10 --general-pairwise --full --epochs 10 --binarisation threshold"),
        (DiscreteVAECommand.self, "--full --latent 1x10 --estimator direct --networks linear --binarisation threshold"),
        (WarcraftShortestPath.self, "--grid 30 --train 4000 --test 200 --epochs 6 --milestones 4,5"),
        (LatentGraphs.self, "--timesteps 20 --estimators aimle-central,gumbel-softmax --aimle-target 9 --seeds 3"),
        (LatentGraphs.self, "--timesteps 20 --estimators aimle-central,gumbel-softmax --aimle-target 9 --samples 5"),
        (LatentGraphs.self, "--timesteps 20 --estimators aimle-central,aimle-forward,gumbel-softmax --trace"),
        (PredictThenOptimize.self, "--problems shortest-path --methods spo+,aimle-fwd --seeds 1 --epochs 2"),
        (GradientFidelity.self, "--sizes 10,20 --samples 1,10 --lambdas 0.5,1"),
        (LearningToExplainCommand.self, "--full --k 4,8,16"),
        (LearningToExplainCommand.self, "--estimators imle:10,imle:100,imle:1000,aimle-central,aimle-central:8,aimle-forward,l2x:0.1,l2x:0.5,l2x:1,l2x:2,ste"),
    ]

    @Test("every recorded command line parses")
    func recordedCommandsParse() throws {
        for (command, arguments) in Self.recorded {
            _ = try command.parseAsRoot(arguments.split(separator: " ").map(String.init))
        }
    }

    @Test("comma-separated lists give their items in order, spaces trimmed")
    func listsInOrder() throws {
        let warcraft = try WarcraftShortestPath.parse(["--method", "aimle-central, blackbox", "--milestones", "30,40"])
        #expect(warcraft.method.values == [.aimleCentral, .blackbox])
        #expect(warcraft.milestoneEpochs().values == [30, 40])
        #expect(try WarcraftShortestPath.parse([]).method.values == [.aimleForward])
        #expect(try WarcraftShortestPath.parse([]).milestoneEpochs().values == [3, 4])
        #expect(try WarcraftShortestPath.parse(["--full"]).milestoneEpochs().values == [30, 40])

        let graphs = try LatentGraphs.parse(["--estimators", "aimle-central,gumbel-softmax", "--lambdas", "0.5,2"])
        #expect(graphs.estimators.values == [.aimleCentral, .gumbelSoftmax])
        #expect(graphs.lambdas.values == [0.5, 2])
        #expect(try LatentGraphs.parse([]).estimators.values == EstimatorChoice.allCases)

        let vae = try DiscreteVAECommand.parse(["--estimator", "imle:20,aimle-central", "--latent", "1x10,20x20k10"])
        #expect(vae.estimator.values == [try VAEEstimator(parsing: "imle:20"), try VAEEstimator(parsing: "aimle-central")])
        #expect(vae.estimator.values.map(\.description) == ["IMLE λ=20", "AIMLE central"])
        #expect(vae.latent.values.map(\.k) == [1, 10])

        let benchmark = try PredictThenOptimize.parse(["--methods", "spo+,aimle-fwd", "--problems", "knapsack"])
        #expect(benchmark.methods.values == [.spoPlus, .aimleForward])
        #expect(benchmark.problems.values == [.knapsack])
        #expect(try PredictThenOptimize.parse([]).methods.values == TrainingMethod.allCases)
        #expect(try PredictThenOptimize.parse(["--imle-noise", "gumbel"]).imleNoise == .gumbel)

        let fidelity = try GradientFidelity.parse(["--samples", "1,10"])
        #expect(fidelity.samples.values == [1, 10])
    }

    @Test("shared training flags: a given value wins, else the default run's or the full recipe's")
    func sharedTrainingFlags() throws {
        let warcraft = try WarcraftShortestPath.parse([])
        #expect(warcraft.epochCount == 5 && warcraft.initialLearningRate == 2e-3 && warcraft.shared.batchSize == 70)
        #expect(warcraft.shared.output == "out/warcraft")
        let full = try WarcraftShortestPath.parse(["--full"])
        #expect(full.epochCount == 50 && full.initialLearningRate == 5e-4)
        let given = try WarcraftShortestPath.parse(["--full", "--epochs", "51", "--learning-rate", "2e-3", "--batch-size", "7"])
        #expect(given.epochCount == 51 && given.initialLearningRate == 2e-3 && given.shared.batchSize == 7)
        #expect(try DiscreteVAECommand.parse(["--full"]).shared.epochs(full: true) == 100)
        #expect(try DiscreteVAECommand.parse(["--full", "--epochs", "3"]).shared.epochs(full: true) == 3)
        let benchmark = try PredictThenOptimize.parse([])
        #expect(benchmark.shared.epochs() == 10 && benchmark.shared.batchSize == 32 && benchmark.shared.learningRate() == 1e-2)
        let graphs = try LatentGraphs.parse(["--output", "/tmp/graphs"])
        #expect(graphs.shared.epochs() == 10 && graphs.shared.learningRate() == 1e-3 && graphs.shared.output == "/tmp/graphs")
        #expect(try GradientFidelity.parse([]).destination.output == "out/gradient-fidelity")
    }

    @Test("help shows list defaults as written on a command line")
    func defaultsAsWritten() {
        #expect(CommaSeparated<Double>("1,10,100").defaultValueDescription == "1,10,100")
        #expect(CommaSeparated<TrainingMethod>([.spoPlus, .blackbox]).defaultValueDescription == "spo+,dbb")
        #expect(CommaSeparated<Int>(argument: "1,,2") == nil)
        #expect(CommaSeparated<Int>(argument: " , ") == nil)
    }
}
