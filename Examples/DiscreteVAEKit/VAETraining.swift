import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// The training loop: shuffled mini-batches of (dynamically or fixedly) binarised images,
/// evaluation on the validation and test sets after every epoch.
///
/// ```swift
/// let training = VAETraining(training: fit, validation: validation, test: test,
///                            binarisation: .dynamic, batchSize: 100, seed: 1)
/// let record = try training.run(&vae, epochs: 3)
/// ```
public struct VAETraining: Sendable {
    /// Grey-scale training images.
    public let training: ImageSet
    /// Binary validation images (drawn once).
    public let validation: ImageSet
    /// Binary test images (drawn once).
    public let test: ImageSet
    /// How training images are binarised.
    public let binarisation: Binarisation
    /// Images per Adam step.
    public let batchSize: Int
    /// The seed of shuffling, binarisation and evaluation noise.
    public let seed: UInt64
    private let fixedTraining: ImageSet?

    /// Prepares the data: validation and test images are binarised once here.
    public init(training: ImageSet, validation: ImageSet, test: ImageSet, binarisation: Binarisation,
                batchSize: Int, seed: UInt64) {
        self.training = training
        self.validation = binarisation.frozen(validation, seed: seed &+ 1)
        self.test = binarisation.frozen(test, seed: seed &+ 2)
        self.binarisation = binarisation
        self.batchSize = batchSize
        self.seed = seed
        fixedTraining = binarisation == .dynamic ? nil : binarisation.frozen(training, seed: seed &+ 3)
    }

    /// Trains `vae` for `epochs` epochs and returns the per-epoch record.
    ///
    /// - Throws: ``ExampleError`` when a step fails or the loss stops being finite.
    ///   - traceDirectory: where to write a per-step trace of the estimator (α, λ, sparsity,
    ///     ‖∂L/∂θ‖) as `trace-<label>.csv` and SVG plots; nil writes none.
    ///   - referenceEvery: with a trace, the steps between cosines with the model's reference
    ///     gradient (``TrainableVAE/referenceSamples``), which uses `referenceSamples` samples.
    ///   - epochFinished: called with the record so far after every epoch (e.g. to save it, so a
    ///     long run that is stopped keeps its finished epochs).
    public func run<Model: TrainableVAE>(_ vae: inout Model, epochs: Int, label: String? = nil,
                                         traceDirectory: OutputDirectory? = nil, referenceEvery: Int = 10,
                                         referenceSamples: Int = 200,
                                         epochFinished: (TrainingRecord) throws(ExampleError) -> Void = { _ in }) throws(ExampleError) -> TrainingRecord {
        var record = TrainingRecord(estimator: vae.label, latent: vae.latentLabel, samples: vae.sampleCount,
                                    trainingImages: training.count, lossName: vae.lossName)
        let pixels = training.pixelCount
        let batches = training.count / batchSize
        var trace = TrainingTrace(target: vae.adaptiveTarget ?? 0)
        for epoch in 1...max(epochs, 1) {
            var generator = SeededGenerator(seed: seed, stream: [0xE0, UInt64(epoch)])
            var order = Array(0..<training.count)
            order.shuffle(using: &generator)
            let progress = ProgressBar("\(label ?? vae.label) epoch \(epoch)/\(epochs)", total: batches)
            let started = Date()
            var total = 0.0
            for batch in 0..<batches {
                var images: [Float] = []
                images.reserveCapacity(batchSize * pixels)
                for index in order[batch * batchSize ..< (batch + 1) * batchSize] {
                    let slice = (fixedTraining ?? training).pixels[index * pixels ..< (index + 1) * pixels]
                    images += binarisation == .dynamic ? Binarisation.sample(slice, using: &generator) : Array(slice)
                }
                let step = (epoch - 1) * batches + batch
                vae.referenceSamples = traceDirectory != nil && step % max(referenceEvery, 1) == 0 ? referenceSamples : nil
                let loss = try vae.trainStep(images: images, count: batchSize)
                guard loss.isFinite else { throw ExampleError("the training loss became \(loss) at epoch \(epoch), batch \(batch)") }
                total += Double(loss)
                trace.append(TrainingTrace.Step(step: step, statistics: vae.lastBackward, gradientNorm: vae.lastGradientNorm,
                                                referenceCosine: vae.lastReferenceCosine))
                progress.advance(note: String(format: "loss %.2f", total / Double(batch + 1)))
            }
            progress.finish()
            if let traceDirectory {
                let name = "trace-" + (label ?? vae.label).map { $0.isLetter || $0.isNumber ? $0 : "-" }
                do { try trace.write(into: traceDirectory, name: String(name)) } catch {
                    throw ExampleError("could not write the trace: \(error)")
                }
            }
            let seconds = Date().timeIntervalSince(started)
            let validationLoss = try vae.negativeELBO(images: validation.pixels, count: validation.count, seed: seed &+ 11, batchSize: 500)
            let testLoss = try vae.negativeELBO(images: test.pixels, count: test.count, seed: seed &+ 12, batchSize: 500)
            record.epochs.append(EpochRecord(epoch: epoch, trainingLoss: total / Double(max(batches, 1)),
                                             validationLoss: validationLoss, testLoss: testLoss, seconds: seconds))
            try epochFinished(record)
        }
        return record
    }
}
