import DifferentiableSolvers
import DiscreteVAEKit
import Foundation
import TensorLayers
import _ExampleSupport

/// One training run: builds the networks the papers use for the latent, trains, writes the
/// image sheets.
struct ExampleRun {
    let latent: LatentStructure
    let estimator: VAEEstimator
    let samples: Int
    let learningRate: Float
    let seed: UInt64
    let pixels: Int
    /// The encoder and decoder to build.
    var networks = NetworkChoice.perceptron
    /// Whether the encoder is trained on the KL term too (``DiscreteVAE/trainsEncoderOnKL``).
    var encoderKL = true
    /// Whether to write a per-step trace of the estimator into the output directory.
    var trace = false
    /// With a trace, the steps between cosines with the reference gradient.
    var referenceEvery = 10
    /// The records of the command's earlier runs: after every epoch `metrics.json` holds them and
    /// this run's epochs so far.
    var earlierRecords: [TrainingRecord] = []

    func train(_ session: VAETraining, epochs: Int, directory: OutputDirectory) throws -> TrainingRecord {
        var generator = SeededGenerator(seed: seed, stream: [0x1417])
        let n = latent.variableCount
        if networks == .linear {
            var vae = try DiscreteVAE(encoder: Dense(inputSize: pixels, outputSize: n, using: &generator),
                                      decoder: Dense(inputSize: n, outputSize: pixels, using: &generator),
                                      latent: latent, estimator: estimator, samples: samples,
                                      learningRate: learningRate, seed: seed)
            return try finish(&vae, session: session, epochs: epochs, directory: directory)
        }
        if latent.isCategorical {
            // Lorberbom et al. 2019: 784–300–n and n–300–784.
            var vae = try DiscreteVAE(encoder: ShallowPerceptron(sizes: (pixels, 300, n), using: &generator),
                                      decoder: ShallowPerceptron(sizes: (n, 300, pixels), using: &generator),
                                      latent: latent, estimator: estimator, samples: samples,
                                      learningRate: learningRate, seed: seed)
            return try finish(&vae, session: session, epochs: epochs, directory: directory)
        }
        // Niepert et al. 2021: 784–512–256–n and n–256–512–784.
        var vae = try DiscreteVAE(encoder: DeepPerceptron(sizes: (pixels, 512, 256, n), using: &generator),
                                  decoder: DeepPerceptron(sizes: (n, 256, 512, pixels), using: &generator),
                                  latent: latent, estimator: estimator, samples: samples,
                                  learningRate: learningRate, seed: seed)
        return try finish(&vae, session: session, epochs: epochs, directory: directory)
    }

    private func finish<Encoder, Decoder>(_ vae: inout DiscreteVAE<Encoder, Decoder>, session: VAETraining, epochs: Int,
                                          directory: OutputDirectory) throws -> TrainingRecord {
        vae.trainsEncoderOnKL = encoderKL
        let record = try session.run(&vae, epochs: epochs, label: "\(latent) \(estimator)",
                                     traceDirectory: trace ? directory : nil, referenceEvery: referenceEvery) { partial throws(ExampleError) in
            try directory.saveMetrics(earlierRecords + [partial])
        }
        if let last = record.epochs.last {
            print(String(format: "%@ %@: test %@ %.2f (validation %.2f), %.1f s/epoch", latent.description,
                         estimator.description, record.lossName, last.testLoss, last.validationLoss, record.secondsPerEpoch))
        }
        let test = session.test, shown = min(32, test.count)
        let originals = Array(test.pixels[0 ..< shown * test.pixelCount])
        let reconstructions = try vae.reconstructions(images: originals, count: shown, seed: seed &+ 21)
        var interleaved: [Float] = []
        for row in stride(from: 0, to: shown, by: 8) {
            let end = min(row + 8, shown)
            interleaved += originals[row * test.pixelCount ..< end * test.pixelCount]
            interleaved += reconstructions[row * test.pixelCount ..< end * test.pixelCount]
        }
        let stem = "\(latent)-\(RunReport.slug(estimator.description))"
        try SheetWriter.write(ImageSheet(images: interleaved, count: 2 * shown, height: test.height, width: test.width, columns: 8),
                              to: directory, name: "reconstructions-\(stem)")
        let prior = try vae.priorSamples(count: 64, seed: seed &+ 22)
        try SheetWriter.write(ImageSheet(images: prior, count: 64, height: test.height, width: test.width, columns: 8),
                              to: directory, name: "samples-\(stem)")
        return record
    }
}
