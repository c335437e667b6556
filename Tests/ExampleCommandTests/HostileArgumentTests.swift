import ArgumentParser
@testable import DiscreteVAE
@testable import GradientFidelity
@testable import LatentGraphs
@testable import LearningToExplain
@testable import PredictThenOptimize
import Testing
@testable import WarcraftShortestPath

/// One example command and argument lists its parser must refuse.
struct HostileArguments: Sendable, CustomTestStringConvertible {
    let command: any ParsableCommand.Type
    /// Option → values, each of which must be refused on its own.
    let values: [(option: String, values: [String])]

    var testDescription: String { "\(command)" }

    /// Every hostile argument list: each option with each value, and each option without a value.
    var argumentLists: [[String]] {
        values.flatMap { entry in entry.values.map { [entry.option, $0] } + [[entry.option]] }
    }
}

/// Lists no list option may take: nothing, separators only, an empty item.
let emptyLists = ["", ",", " , ", "1,,2"]
/// Numbers no bounded option may take.
let badNumbers = ["nan", "inf", "-inf", "1e400", "99999999999999999999"]

@Suite("Example commands refuse hostile arguments with a message, never a trap")
struct HostileArgumentTests {
    static let commands: [HostileArguments] = [
        HostileArguments(command: GradientFidelity.self, values: [
            ("--sizes", emptyLists + badNumbers + ["1", "-3", "1000000"]),
            ("--samples", emptyLists + badNumbers + ["0", "-1", "1000000000"]),
            ("--lambdas", emptyLists + badNumbers + ["0", "-1"]),
            ("--seeds", badNumbers + ["1", "-1", "1000000"]),
            ("--warm-up", badNumbers + ["-1", "1000000000"]),
            ("--fast-warm-up", badNumbers + ["-1"]),
        ]),
        HostileArguments(command: LatentGraphs.self, values: [
            ("--estimators", emptyLists + ["bogus", "aimle-central:9", "imle:10", "ste", "aimle-backward"]),
            ("--lambdas", emptyLists + badNumbers + ["0", "-1"]),
            ("--lambda", badNumbers + ["0", "-1"]),
            ("--learning-rate", badNumbers + ["0", "-1"]),
            ("--temperature", badNumbers + ["0", "-1"]),
            ("--train", badNumbers + ["0", "-1", "1000000000"]),
            ("--valid", ["0", "1000000000"]),
            ("--test", ["0", "1000000000"]),
            ("--epochs", ["0", "-1", "1000000000"]),
            ("--batch-size", ["0", "1000000000"]),
            ("--hidden", ["0", "1000000"]),
            ("--samples", ["0", "1000000"]),
            ("--seeds", ["0", "1000000"]),
            ("--vertices", ["2", "-1", "1000000"]),
            ("--timesteps", ["1", "-1", "1000000"]),
            ("--prediction-steps", ["0", "-1", "10", "nan"]),
        ]),
        HostileArguments(command: DiscreteVAECommand.self, values: [
            ("--latent", emptyLists + badNumbers + ["1x", "x10", "1x1", "1x10k10", "99999999999x99999999999", "2000x2000"]),
            ("--estimator", emptyLists + ["imle:nan", "imle:inf", "direct:-1", "gsm:1e400", "exact:1", "gsm:1:2", "blackbox", "bogus"]),
            ("--learning-rate", badNumbers + ["0", "-1"]),
            ("--epochs", ["0", "-1", "1000000000"]),
            ("--batch-size", ["0", "-1"]),
            ("--samples", ["0", "1000000"]),
            ("--graph-cut", ["-1", "1000000"]),
            ("--validation", ["-1", "1000000000"]),
            ("--train-limit", ["-1"]),
            ("--test-limit", ["-1"]),
            ("--binarisation", ["", "bogus"]),
        ]),
        HostileArguments(command: PredictThenOptimize.self, values: [
            ("--methods", emptyLists + ["bogus"]),
            ("--problems", emptyLists + ["bogus"]),
            ("--noise", badNumbers + ["1", "-0.1"]),
            ("--capacity", badNumbers + ["0", "-5"]),
            ("--learning-rate", badNumbers + ["0"]),
            ("--aimle-alpha", badNumbers + ["-1"]),
            ("--grid", ["0", "1", "-1", "1000000"]),
            ("--items", ["0", "-1", "1000000"]),
            ("--resources", ["0", "1000"]),
            ("--deg", ["0", "1000"]),
            ("--train", ["0", "1000000000"]),
            ("--threads", ["-1", "1000000"]),
            ("--knapsack-solver", ["", "bogus"]),
            ("--imle-noise", ["", "bogus", "normal", "sum-of-gamma:5"]),
            ("--methods", ["imle:20", "aimle-forward", "direct-loss"]),
            ("--imle-loss", ["", "bogus"]),
        ]),
        HostileArguments(command: LearningToExplainCommand.self, values: [
            ("--train-limit", ["-1"]),
            ("--validation", ["-1", "1000000000"]),
            ("--test-limit", ["-1"]),
            ("--k", emptyLists + badNumbers + ["0", "-1", "50"]),
            ("--estimators", emptyLists + ["bogus", "imle:nan", "l2x:0", "l2x:-1", "score-function", "gumbel-softmax:1:49"]),
            ("--hidden", ["0", "1000000"]),
            ("--noise", ["", "bogus", "sum-of-gamma:0"]),
            ("--samples", ["0", "1000000"]),
            ("--temperature", badNumbers + ["-1"]),
            ("--sheet-images", ["0", "1000"]),
            ("--learning-rate", badNumbers + ["0", "-1"]),
            ("--epochs", ["0", "-1", "1000000000"]),
            ("--batch-size", ["0", "-1"]),
        ]),
        HostileArguments(command: WarcraftShortestPath.self, values: [
            ("--method", emptyLists + ["bogus"]),
            ("--milestones", emptyLists + badNumbers + ["0", "-1"]),
            ("--grid", ["1", "-1", "1000"]),
            ("--train", ["0", "1000000000"]),
            ("--epochs", ["0", "1000000000"]),
            ("--batch-size", ["0", "1000000000"]),
            ("--samples", ["0", "1000000"]),
            ("--learning-rate", badNumbers + ["0"]),
            ("--lambda", badNumbers + ["0"]),
            ("--temperature", badNumbers + ["-1"]),
            ("--aimle-target", badNumbers + ["0"]),
            ("--noise", ["", "bogus", "sum-of-gamma:5", "sog:1", "Gumbel"]),
            ("--method", ["imle:20", "imle-central", "score-function", "gumbel-softmax:1:2"]),
        ]),
    ]

    @Test("every hostile argument list is refused with a message and a non-zero exit code", arguments: commands)
    func refused(_ hostile: HostileArguments) {
        for arguments in hostile.argumentLists {
            do {
                _ = try hostile.command.parseAsRoot(arguments)
                Issue.record("\(hostile.command) accepted \(arguments)")
            } catch {
                #expect(hostile.command.exitCode(for: error) != .success, "\(hostile.command) \(arguments)")
                #expect(!hostile.command.message(for: error).isEmpty, "\(hostile.command) \(arguments)")
            }
        }
    }

    /// A refused list names its first bad item and what was expected, not only the option.
    @Test("a refused list item is named in the message, with what was expected")
    func namesTheItem() {
        let cases: [(command: any ParsableCommand.Type, arguments: [String], says: [String])] = [
            (PredictThenOptimize.self, ["--methods", "spo+,aimle-forward"], ["'aimle-forward'", "aimle-fwd", "all"]),
            (PredictThenOptimize.self, ["--problems", "knap"], ["'knap'", "shortest-path, knapsack"]),
            (WarcraftShortestPath.self, ["--method", "blackbox,foo"], ["'foo'", "aimle-forward", "straight-through"]),
            (WarcraftShortestPath.self, ["--milestones", "30,,40"], ["empty item"]),
            (LatentGraphs.self, ["--estimators", "aimle-central,bogus"], ["'bogus'", "gumbel-softmax"]),
            (DiscreteVAECommand.self, ["--estimator", "direct,imle:nan"], ["imle:nan", "finite positive"]),
            (DiscreteVAECommand.self, ["--latent", "3y4"], ["'3y4'", "NxK"]),
            (GradientFidelity.self, ["--sizes", "10,abc"], ["'abc'"]),
            (LearningToExplainCommand.self, ["--estimators", "aimle-central,l2x:0"], ["l2x:0", "temperature"]),
            (LearningToExplainCommand.self, ["--k", "4,80"], ["--k", "49"]),
            (DiscreteVAECommand.self, ["--estimator", "direct,aimel"], ["'aimel'", "aimle-central", "gsm"]),
            (DiscreteVAECommand.self, ["--estimator", "exact:2"], ["exact:2", "at most 0"]),
            (WarcraftShortestPath.self, ["--method", "imle:5"], ["imle:5", "--lambda"]),
            (WarcraftShortestPath.self, ["--method", "imle-central"], ["'imle-central'", "aimle-forward"]),
            (WarcraftShortestPath.self, ["--noise", "sum-of-gamma:5"], ["sum-of-gamma:5", "sog"]),
            (WarcraftShortestPath.self, ["--noise", "cauchy"], ["'cauchy'", "gumbel"]),
            (LatentGraphs.self, ["--estimators", "aimle-central,ste"], ["'ste'", "imle-central"]),
            (LatentGraphs.self, ["--estimators", "imle:10"], ["imle:10", "--lambda"]),
            (PredictThenOptimize.self, ["--methods", "imle:20"], ["imle:20", "aimle-fwd"]),
            (PredictThenOptimize.self, ["--imle-noise", "normal"], ["normal", "gumbel"]),
            (LearningToExplainCommand.self, ["--noise", "cauchy"], ["'cauchy'", "sum-of-gamma"]),
            (LearningToExplainCommand.self, ["--estimators", "score-function"], ["score-function", "l2x"]),
        ]
        for (command, arguments, says) in cases {
            do {
                _ = try command.parseAsRoot(arguments)
                Issue.record("\(command) accepted \(arguments)")
            } catch {
                let message = command.message(for: error)
                for part in says { #expect(message.contains(part), "\(command) \(arguments): \(message)") }
            }
        }
    }

    @Test("the default arguments parse", arguments: commands)
    func defaults(_ hostile: HostileArguments) throws {
        _ = try hostile.command.parseAsRoot([])
    }
}
