import Foundation
import Testing
import WarcraftShortestPathKit
import _ExampleSupport

/// A run stopped after an epoch and resumed must end exactly where an uninterrupted run
/// ends: the same training loss and the same test metrics, bit for bit.
@Suite struct WarcraftResumeTests {
    func folder(_ name: String) throws -> OutputDirectory {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("warcraft-resume-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        return try OutputDirectory(path)
    }

    func run(_ settings: WarcraftTrainingSettings, epochs: Int, in directory: OutputDirectory, resume: Bool,
             data: (WarcraftDataset, WarcraftDataset)) throws -> WarcraftRunRecord {
        var training = WarcraftTrainingRun(settings: settings, epochs: epochs, directory: directory, resume: resume)
        training.log = { _ in }
        training.showsProgress = false
        return try training.run(train: data.0, test: data.1, normalization: ImageNormalization(fitting: data.0)).run
    }

    @Test(arguments: [WarcraftMethod.aimleCentral, .imle])
    func resumedRunIsBitIdentical(method: WarcraftMethod) throws {
        let data = (try WarcraftGenerator(gridSize: 4, seed: 3).makeDataset(count: 12),
                    try WarcraftGenerator(gridSize: 4, seed: 4).makeDataset(count: 6))
        var settings = WarcraftTrainingSettings(method: method)
        settings.batchSize = 4
        settings.learningRate = 5e-3
        settings.milestones = [2]
        let whole = try run(settings, epochs: 3, in: try folder("whole-\(method.rawValue)"), resume: false, data: data)
        let parts = try folder("parts-\(method.rawValue)")
        _ = try run(settings, epochs: 1, in: parts, resume: false, data: data)
        let resumed = try run(settings, epochs: 3, in: parts, resume: true, data: data)
        #expect(resumed.history.map(\.trainingLoss) == whole.history.map(\.trainingLoss))
        #expect(resumed.history.map(\.test) == whole.history.map(\.test))
        #expect(resumed.layerStep == whole.layerStep)
        #expect(resumed.adaptiveState == whole.adaptiveState)
    }

    @Test func checkpointFromOtherSettingsIsRefused() throws {
        let data = (try WarcraftGenerator(gridSize: 3, seed: 3).makeDataset(count: 4),
                    try WarcraftGenerator(gridSize: 3, seed: 4).makeDataset(count: 2))
        var settings = WarcraftTrainingSettings(method: .blackbox)
        settings.batchSize = 4
        let directory = try folder("other")
        _ = try run(settings, epochs: 1, in: directory, resume: false, data: data)
        settings.learningRate *= 2
        #expect(throws: ExampleError.self) {
            try run(settings, epochs: 2, in: directory, resume: true, data: data)
        }
    }
}
