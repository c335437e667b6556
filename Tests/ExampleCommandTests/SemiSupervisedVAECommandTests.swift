import ArgumentParser
@testable import SemiSupervisedVAE
import SemiSupervisedVAEKit
import Testing

/// The SemiSupervisedVAE command lines recorded in Examples/SemiSupervisedVAE/results/*.json keep
/// parsing, to the values they ran with.
@Suite("SemiSupervisedVAE: recorded command lines keep parsing")
struct SemiSupervisedVAECommandTests {
    static let recorded = [
        "--output /tmp/ssvae-default",
        "--full --labels 1200,600,50 --estimator direct --epochs 10 --threads 1 --output /tmp/ssvae-runs/direct-a",
        "--full --labels 100,300 --estimator direct --epochs 10 --threads 1 --output /tmp/ssvae-runs/direct-b",
        "--full --labels 50 --estimator direct --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/direct-c",
        "--full --labels 1200,100 --estimator gsm --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/gsm-a",
        "--full --labels 600,300,50 --estimator gsm --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/gsm-b",
        "--full --labels 300 --estimator gsm --perturbation-floor 0.5 --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/gsm-floor-a",
        "--full --labels 100 --estimator gsm --perturbation-floor 0.5 --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/gsm-floor-b",
        "--full --labels 1200 --estimator gsm --perturbation-floor 0.5 --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/gsm-floor-c",
        "--full --labels 600,50 --estimator gsm --perturbation-floor 0.5 --epochs 10 --evaluate-every 200 --threads 1 --output /tmp/ssvae-runs/gsm-floor-d",
    ]

    @Test("every recorded command line parses")
    func recordedCommandsParse() throws {
        for arguments in Self.recorded {
            _ = try SemiSupervisedVAECommand.parseAsRoot(arguments.split(separator: " ").map(String.init))
        }
    }

    @Test("the default run and the full recipe")
    func defaultsAndFullRecipe() throws {
        let standard = try SemiSupervisedVAECommand.parse([])
        #expect(standard.labels.values == [100] && standard.estimator.values == [.direct, .gsm])
        #expect(standard.labelledEpochCount == 100 && standard.shared.epochs() == 2 && standard.threading.threads == 1)
        let full = try SemiSupervisedVAECommand.parse(["--full", "--labels", "50,100,300,600,1200", "--estimator", "gsm"])
        #expect(full.labelledEpochCount == 1_199 && full.shared.epochs(full: true) == 400)
        #expect(full.labels.values == [50, 100, 300, 600, 1200] && full.estimator.values == [.gsm])
        #expect(throws: (any Error).self) { _ = try SemiSupervisedVAECommand.parseAsRoot(["--estimator", "reinforce"]) }
        #expect(throws: (any Error).self) { _ = try SemiSupervisedVAECommand.parseAsRoot(["--labels", "5"]) }
    }
}
