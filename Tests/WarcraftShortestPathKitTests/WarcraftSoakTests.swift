import Foundation
import Synchronization
import Testing
import WarcraftShortestPathKit
import _ExampleSupport

/// A long Warcraft training run keeps resident memory flat: the whole training loop
/// (``WarcraftTrainingRun``: steps through the network and the solver layer, evaluation and
/// a durable checkpoint after every epoch) on small 12 × 12 maps. Off by default (minutes in
/// release); `scripts/soak-warcraft.sh` runs it with `DSOLVE_WARCRAFT_SOAK_STEPS` set.
@Suite("Soak: Warcraft training keeps resident memory flat", .enabled(if: WarcraftSoakSettings.steps > 0))
struct WarcraftSoakTests {

    /// Resident set size of this process in KiB, from /proc/self/status.
    static func residentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// The resident set size read after every epoch, in KiB.
    final class Readings: Sendable {
        let values = Mutex<[Int]>([])
        func record() { values.withLock { $0.append(WarcraftSoakTests.residentKiB()) } }
        var all: [Int] { values.withLock { $0 } }
    }

    @Test("AIMLE training steps on 12 × 12 maps, batches of 16")
    func flatMemory() throws {
        let batchSize = 16, stepsPerEpoch = 10
        let epochs = max(2, (WarcraftSoakSettings.steps + stepsPerEpoch - 1) / stepsPerEpoch)
        let train = try WarcraftGenerator(gridSize: 12, seed: 11).makeDataset(count: batchSize * stepsPerEpoch)
        let test = try WarcraftGenerator(gridSize: 12, seed: 12).makeDataset(count: 16)
        var settings = WarcraftTrainingSettings(method: .aimleCentral)
        settings.batchSize = batchSize
        settings.learningRate = 2e-3
        settings.milestones = [epochs / 2]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("warcraft-soak-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var training = WarcraftTrainingRun(settings: settings, epochs: epochs, directory: try OutputDirectory(path), resume: false)
        let readings = Readings()
        training.log = { _ in readings.record() }
        training.showsProgress = false

        let clock = ContinuousClock.now
        let (run, _) = try training.run(train: train, test: test, normalization: ImageNormalization(fitting: train))
        let elapsed = ContinuousClock.now - clock
        let rss = readings.all
        try #require(rss.count == epochs, "one reading per epoch")
        // Warm-up: the first tenth of the run (allocator pools, BLAS buffers, the first checkpoint).
        let warmUp = max(1, epochs / 10)
        let start = rss[warmUp - 1], end = rss[epochs - 1], peak = rss[(warmUp - 1)...].max() ?? end
        let growth = 100 * Double(end - start) / Double(start)
        print("soak warcraft: \(epochs * stepsPerEpoch) training steps (\(epochs) epochs of \(stepsPerEpoch)) in \(elapsed); "
              + "RSS after \(warmUp * stepsPerEpoch) steps \(start) KiB, at the end \(end) KiB (\(String(format: "%+.2f", growth)) %), "
              + "peak after warm-up \(peak) KiB; loss \(run.history.first?.trainingLoss ?? .nan) → \(run.history.last?.trainingLoss ?? .nan)")
        #expect(run.layerStep == epochs * stepsPerEpoch)
        #expect(start > 0 && Double(end) < 1.05 * Double(start), "resident memory grew from \(start) KiB to \(end) KiB")
        #expect(Double(peak) < 1.05 * Double(start), "resident memory peaked at \(peak) KiB after \(start) KiB at warm-up")
    }
}

/// The soak length: `DSOLVE_WARCRAFT_SOAK_STEPS` training steps (0: skip).
enum WarcraftSoakSettings {
    static let steps = Int(ProcessInfo.processInfo.environment["DSOLVE_WARCRAFT_SOAK_STEPS"] ?? "") ?? 0
}
