import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// The training loop: shuffled mini-batches, one Adam step each, and the metrics of the MAP
/// selections on the validation and test sets after every epoch.
///
/// ```swift
/// let training = try ExplainerTraining(training: fit, validation: held, test: test, batchSize: 100, seed: 1)
/// var explainer = try PatchExplainer(configuration: configuration)
/// let record = try training.run(&explainer, epochs: 3)
/// ```
public struct ExplainerTraining: Sendable {
    /// Training images and labels.
    public let training: ImageSet
    /// Validation images (may be empty).
    public let validation: ImageSet
    /// Test images.
    public let test: ImageSet
    /// Images per Adam step.
    public let batchSize: Int
    /// The seed of shuffling and of the chance-level selections.
    public let seed: UInt64

    /// Prepares training on the given sets.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for a batch size below 1 or above the
    ///   training set, or an empty test set; (`.inconsistent`) when the sets' image sizes differ.
    public init(training: ImageSet, validation: ImageSet, test: ImageSet, batchSize: Int, seed: UInt64) throws(ExampleError) {
        guard batchSize >= 1, batchSize <= training.count else {
            throw ExampleError("a batch of \(batchSize) images needs 1 ≤ batch ≤ \(training.count) training images")
        }
        guard test.count > 0 else { throw ExampleError("evaluation needs at least one test image") }
        for set in [validation, test] where set.count > 0 && (set.height, set.width) != (training.height, training.width) {
            throw ExampleError(.inconsistent, "\(set.height) × \(set.width) images do not match the training images' "
                               + "\(training.height) × \(training.width)")
        }
        self.training = training
        self.validation = validation
        self.test = test
        self.batchSize = batchSize
        self.seed = seed
    }

    /// Trains `explainer` for `epochs` epochs (the last incomplete batch of an epoch is dropped).
    ///
    /// - Parameters:
    ///   - label: the progress bar's label (the method's by default).
    ///   - epochFinished: called with the record so far after every epoch (e.g. to save it).
    /// - Returns: the record of the run.
    /// - Throws: ``ExampleError`` when the images do not fit the explainer's grid, a step fails
    ///   or the loss stops being finite.
    public func run(_ explainer: inout PatchExplainer, epochs: Int, label: String? = nil,
                    epochFinished: (ExplanationRecord) throws(ExampleError) -> Void = { _ in }) throws(ExampleError) -> ExplanationRecord {
        let grid = explainer.configuration.grid
        guard (training.height, training.width) == (grid.imageHeight, grid.imageWidth) else {
            throw ExampleError(.shapeMismatch, "\(training.height) × \(training.width) images for an explainer of "
                               + "\(grid.imageHeight) × \(grid.imageWidth) images")
        }
        let name = label ?? explainer.configuration.method.description
        var record = ExplanationRecord(method: explainer.configuration.method.description,
                                       configuration: explainer.configuration, trainingImages: training.count)
        let steps = training.count / batchSize, pixels = training.pixelCount
        for epoch in 1...max(epochs, 1) {
            var shuffler = SeededGenerator(seed: seed, stream: [0x5F, UInt64(epoch)])
            let order = Array(0..<training.count).shuffled(using: &shuffler)
            let progress = ProgressBar("\(name) epoch \(epoch)/\(epochs)", total: steps)
            let started = Date()
            var lossSum = 0.0
            for step in 0..<steps {
                let batch = order[step * batchSize ..< (step + 1) * batchSize]
                let images = batch.flatMap { training.pixels[$0 * pixels ..< ($0 + 1) * pixels] }
                let loss = try explainer.trainStep(images: images, labels: batch.map { training.labels[$0] })
                guard loss.isFinite else {
                    throw ExampleError(.solverFailed, "\(name): the training loss became \(loss) at epoch \(epoch), step \(step)")
                }
                lossSum += loss
                progress.advance(note: String(format: "loss %.3f", lossSum / Double(step + 1)))
            }
            progress.finish()
            let seconds = Date().timeIntervalSince(started)
            record.trainingSeconds += seconds
            guard let testMetrics = try explainer.evaluate(test, seed: seed) else {
                throw ExampleError("evaluation needs at least one test image")
            }
            record.epochs.append(ExplanationEpoch(epoch: epoch, trainingLoss: lossSum / Double(max(steps, 1)),
                                                  validation: try explainer.evaluate(validation, seed: seed),
                                                  test: testMetrics, seconds: seconds))
            try epochFinished(record)
        }
        return record
    }
}
