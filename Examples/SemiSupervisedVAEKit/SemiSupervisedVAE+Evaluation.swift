import _Differentiation
import DifferentiableSolvers
import DiscreteVAEKit
import TensorLayers
import _ExampleSupport

/// The measures of Table 2 on a labelled image set.
public struct Evaluation: Sendable, Hashable, Codable {
    /// The mean sampled negative ELBO (the bound): reconstruction + Gaussian KL + categorical KL.
    public var bound: Double
    /// The mean reconstruction term −log p(x | z, c).
    public var reconstruction: Double
    /// The share of images whose argmax θ(x) is their label.
    public var accuracy: Double
    /// The share of images whose sampled class argmax(θ(x) + γ) is their label (the reference code's measure).
    public var sampledAccuracy: Double
}

extension SemiSupervisedVAE {
    /// The bound and classification accuracy on `count` labelled images, in evaluation mode
    /// (no dropout), one sample of the class and of the Gaussian per image.
    ///
    /// - Throws: ``ExampleError`` for a bad set (see ``validate(images:count:labels:)``).
    public func evaluate(images: [Float], labels: [Int], count: Int, seed: UInt64, batchSize: Int = 500) throws(ExampleError) -> Evaluation {
        try validate(images: images, count: count, labels: labels)
        var generator = SeededGenerator(seed: seed, stream: [0xE7A1])
        let classes = latent.classes, batchSize = max(batchSize, 1)
        var bound = 0.0, reconstruction = 0.0, correct = 0, sampledCorrect = 0
        for start in stride(from: 0, to: count, by: batchSize) {
            let end = min(start + batchSize, count), rows = end - start
            let batch = Array(images[start * pixels ..< end * pixels])
            let features = base(try tensor(batch, [rows, pixels]))
            let theta = classifier(features).scalars
            let mask = try gaussian.dropoutMask(rows: rows, training: false, using: &generator)
            let posterior = Posterior(moments: gaussian(features, mask: mask).scalars, dimension: latent.dimension)
            let noise = (0..<posterior.mean.count).map { _ in Float(generator.nextNormal()) }
            let samples = GaussianLatent.sample(mean: posterior.mean, logVariance: posterior.logVariance, noise: noise)
            var oneHot = [Float](repeating: 0, count: rows * classes)
            for b in 0..<rows {
                let row = theta[b * classes ..< (b + 1) * classes]
                let perturbed = row.map { $0 + generator.nextGumbel() }
                let sampled = perturbed.indices.max { perturbed[$0] < perturbed[$1] } ?? 0
                oneHot[b * classes + sampled] = 1
                if sampled == labels[start + b] { sampledCorrect += 1 }
                if (row.indices.max { row[$0] < row[$1] } ?? 0) - row.startIndex == labels[start + b] { correct += 1 }
            }
            let input = latent.decoderInput(weights: oneHot, samples: samples)
            let logits = decoder(try tensor(input, [rows, input.count / rows])).scalars
            let losses = BernoulliLikelihood.rowLosses(logits: logits, labels: batch, columns: pixels).reduce(0.0) { $0 + Double($1) }
            let gaussianKL = GaussianLatent.klToStandardNormal(mean: latent.mix(weights: oneHot, perClass: posterior.mean),
                                                               logVariance: latent.mix(weights: oneHot, perClass: posterior.logVariance))
            reconstruction += losses
            bound += losses + gaussianKL.value + Self.categoricalKL(theta, classes: classes).value
        }
        let n = Double(count)
        return Evaluation(bound: bound / n, reconstruction: reconstruction / n, accuracy: Double(correct) / n,
                          sampledAccuracy: Double(sampledCorrect) / n)
    }

    /// Generations per class (Fig. 4): for each class k (rows) and each of `columns` draws
    /// e ~ N(0, I) shared across classes, the decoder's pixel probabilities for the mixed
    /// latent with class k and Gaussian sample e. Returns K · columns images, class-major.
    ///
    /// - Throws: ``ExampleError`` when `columns` < 1.
    public func generations(columns: Int, seed: UInt64) throws(ExampleError) -> [Float] {
        guard columns >= 1 else { throw ExampleError("ask for at least one generation per class (got \(columns))") }
        var generator = SeededGenerator(seed: seed, stream: [0x6E4])
        let classes = latent.classes, dimension = latent.dimension
        let draws = (0..<columns * dimension).map { _ in Float(generator.nextNormal()) }
        var input = [Float](repeating: 0, count: classes * columns * classes * dimension)
        for k in 0..<classes {
            for c in 0..<columns {
                let row = k * columns + c
                for d in 0..<dimension { input[(row * classes + k) * dimension + d] = draws[c * dimension + d] }
            }
        }
        return sigmoid(decoder(try tensor(input, [classes * columns, classes * dimension]))).scalars
    }
}
