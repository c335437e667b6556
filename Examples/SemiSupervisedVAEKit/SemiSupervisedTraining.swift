import Foundation
import DifferentiableSolvers
import _ExampleSupport

/// The reference code's two-phase schedule (GuyLor/Direct-VAE, `mixture_model_mnist`):
/// first epochs over the labelled subset alone (the perturbed label set to the true label,
/// ε = 0.05 or temperature 1), then epochs over all training images without labels, with
/// ε or the temperature annealed per ``SemiSupervisedEstimator``. Images are binary
/// (the caller binarises them); validation and test sets are evaluated after every
/// unlabelled epoch and every `evaluateEvery` labelled epochs.
///
/// ```swift
/// let session = try SemiSupervisedTraining(training: fit, labelledCount: 100, validation: held, test: test,
///                                          batchSize: 100, seed: 1)
/// let record = try session.run(&vae, labelledEpochs: 100, unlabelledEpochs: 3)
/// ```
public struct SemiSupervisedTraining: Sendable {
    /// Binary training images (all used unlabelled).
    public let training: ImageSet
    /// The labelled subset of `training`.
    public let labelled: ImageSet
    /// Binary validation images.
    public let validation: ImageSet
    /// Binary test images.
    public let test: ImageSet
    /// Images per Adam step.
    public let batchSize: Int
    /// The seed of shuffling and evaluation noise.
    public let seed: UInt64
    /// Labelled epochs between evaluations (the last labelled epoch is always evaluated).
    public var evaluateEvery = 50
    /// The floor of ε or the temperature in the unlabelled epochs (the reference code's 0.1).
    public var perturbationFloor = SemiSupervisedEstimator.annealing.floor

    /// Prepares the data and draws the balanced labelled subset.
    ///
    /// - Throws: ``ExampleError`` for a labelled count the training set cannot supply
    ///   (see ``LabelledSubset``) or a batch size below 1.
    public init(training: ImageSet, labelledCount: Int, classes: Int = 10, validation: ImageSet, test: ImageSet,
                batchSize: Int, seed: UInt64) throws(ExampleError) {
        guard batchSize >= 1 else { throw ExampleError("the batch size must be at least 1 (got \(batchSize))") }
        self.training = training
        labelled = training.subset(try LabelledSubset(labels: training.labels, count: labelledCount, classes: classes, seed: seed).indices)
        self.validation = validation
        self.test = test
        self.batchSize = batchSize
        self.seed = seed
    }

    /// Unlabelled steps per epoch.
    public var unlabelledSteps: Int { max(training.count / batchSize, 1) }

    /// Trains `vae` through both phases and returns the record.
    ///
    /// - Parameter epochFinished: called with the record after every epoch (to save it as it grows).
    /// - Throws: ``ExampleError`` when a step fails or the loss stops being finite.
    public func run(_ vae: inout SemiSupervisedVAE, labelledEpochs: Int, unlabelledEpochs: Int,
                    epochFinished: (SemiSupervisedRecord) throws(ExampleError) -> Void = { _ in }) throws(ExampleError) -> SemiSupervisedRecord {
        var record = SemiSupervisedRecord(estimator: vae.estimator.description, labelledCount: labelled.count,
                                          trainingImages: training.count)
        let total = labelledEpochs + unlabelledEpochs
        let labelledProgress = labelledEpochs > 0 ? ProgressBar("\(vae.estimator) labelled phase", total: labelledEpochs) : nil
        for epoch in 1...max(total, 1) where epoch <= total {
            let isLabelled = epoch <= labelledEpochs
            vae.perturbation = isLabelled ? vae.estimator.labelledPerturbation
                : vae.estimator.unlabelledPerturbation(afterEpoch: epoch - 1 == labelledEpochs ? 0 : epoch - 1, stepsPerEpoch: unlabelledSteps,
                                                             floor: perturbationFloor)
            let started = Date()
            let loss = try trainEpoch(&vae, epoch: epoch, labelled: isLabelled, total: total)
            var entry = PhaseEpoch(epoch: epoch, phase: isLabelled ? .labelled : .unlabelled, perturbation: vae.perturbation,
                                   trainingLoss: loss, seconds: Date().timeIntervalSince(started))
            if !isLabelled || epoch == labelledEpochs || epoch % max(evaluateEvery, 1) == 0 {
                entry.validation = try vae.evaluate(images: validation.pixels, labels: validation.labels, count: validation.count,
                                                    seed: seed &+ 11)
                entry.test = try vae.evaluate(images: test.pixels, labels: test.labels, count: test.count, seed: seed &+ 12)
                if let measured = entry.test {
                    print(String(format: "%@ epoch %d (%@, %@ %.3g): test bound %.2f, accuracy %.1f %%", vae.estimator.description,
                                 epoch, entry.phase.rawValue, vae.estimator == .direct ? "ε" : "τ", vae.perturbation,
                                 measured.bound, 100 * measured.accuracy))
                }
            }
            labelledProgress?.advance(note: String(format: "loss %.2f", loss))
            if epoch == labelledEpochs { labelledProgress?.finish() }
            record.epochs.append(entry)
            try epochFinished(record)
        }
        return record
    }

    /// One epoch over the labelled subset (batches of at most `batchSize`, the last one
    /// smaller) or the unlabelled training set (whole batches); returns the mean loss.
    func trainEpoch(_ vae: inout SemiSupervisedVAE, epoch: Int, labelled isLabelled: Bool, total: Int) throws(ExampleError) -> Double {
        let set = isLabelled ? labelled : training, pixels = set.pixelCount
        var generator = SeededGenerator(seed: seed, stream: [0xE0, UInt64(epoch)])
        var order = Array(0..<set.count)
        order.shuffle(using: &generator)
        let batches = isLabelled ? (set.count + batchSize - 1) / batchSize : unlabelledSteps
        let progress = isLabelled ? nil : ProgressBar("\(vae.estimator) epoch \(epoch)/\(total)", total: batches)
        var sum = 0.0
        for batch in 0..<batches {
            let chosen = order[batch * batchSize ..< min((batch + 1) * batchSize, set.count)]
            var images: [Float] = []
            images.reserveCapacity(chosen.count * pixels)
            for index in chosen { images += set.pixels[index * pixels ..< (index + 1) * pixels] }
            let loss = try vae.trainStep(images: images, count: chosen.count, labels: isLabelled ? chosen.map { set.labels[$0] } : nil)
            guard loss.isFinite else { throw ExampleError("the training loss became \(loss) at epoch \(epoch), batch \(batch)") }
            sum += Double(loss)
            progress?.advance(note: String(format: "loss %.2f", sum / Double(batch + 1)))
        }
        progress?.finish()
        return sum / Double(max(batches, 1))
    }
}
