import _Differentiation
import DifferentiableSolvers
import LatentGraphsKit
import TensorLayers
import _ExampleSupport

/// Learning to explain with k-subsets (Chen et al. 2018; the AIMLE paper's Table 1 in the
/// setting of images): a selector network scores the patches of an image, a k-subset of them
/// is kept, and a classifier that sees only the kept patches must predict the label.
///
/// The selector (pixels–h–patches) gives θ; training draws selections z with the configured
/// ``SelectionMethod`` (perturb-and-MAP top-k with AIMLE, IMLE, straight-through …, or L2X's
/// relaxation); the classifier (pixels–h–classes) reads x ⊙ upsample(z) and is trained with
/// cross-entropy; both networks take Adam steps on the same loss, the selector through the
/// method's ∂L/∂θ. Evaluation uses the noiseless MAP selection, the top k of θ, for every
/// method. Both networks are LatentGraphsKit's ``TwoLayerPerceptron`` with a linear output.
///
/// ```swift
/// var explainer = try PatchExplainer(configuration: ExplainerConfiguration(k: 8, method: .l2x(temperature: 0.5)))
/// let loss = try explainer.trainStep(images: batch, labels: labels)
/// let masks = try explainer.explanations(of: testImages)          // B × 49, k ones per row
/// ```
public struct PatchExplainer: Sendable {
    /// Image to patch scores θ.
    public var selector: TwoLayerPerceptron
    /// Masked image to class logits.
    public var classifier: TwoLayerPerceptron
    /// The settings.
    public let configuration: ExplainerConfiguration
    /// The k-subset structure and its MAP oracle.
    public let selection: KSubsetSelection
    /// How training draws selections and differentiates through them.
    public private(set) var sampler: any SubsetSampler
    var selectorOptimizer: Adam
    var classifierOptimizer: Adam

    /// A freshly initialised explainer.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for k outside 1 … patches or another
    ///   bad setting.
    public init(configuration: ExplainerConfiguration) throws(ExampleError) {
        try configuration.validate()
        self.configuration = configuration
        let grid = configuration.grid
        selection = try KSubsetSelection(k: configuration.k, of: grid.patchCount)
        var generator = SeededGenerator(seed: configuration.seed, stream: [0x12E])
        selector = try TwoLayerPerceptron(inputSize: grid.pixelCount, hiddenSize: configuration.hiddenUnits,
                                          outputSize: grid.patchCount, rectifiesOutput: false, using: &generator)
        classifier = try TwoLayerPerceptron(inputSize: grid.pixelCount, hiddenSize: configuration.hiddenUnits,
                                            outputSize: configuration.classes, rectifiesOutput: false, using: &generator)
        sampler = try configuration.method.sampler(for: selection, noise: configuration.noise,
                                                   temperature: configuration.temperature,
                                                   samples: configuration.samples, seed: configuration.seed)
        selectorOptimizer = Adam(learningRate: configuration.learningRate)
        classifierOptimizer = Adam(learningRate: configuration.learningRate)
    }

    /// One Adam step of both networks on a batch.
    ///
    /// - Parameters:
    ///   - images: B images of the grid's size, intensities in [0, 1].
    ///   - labels: their B classes.
    /// - Returns: the batch's mean cross-entropy over its B · S training selections.
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) for images of the wrong size or a label
    ///   count that differs from the image count, (`.invalidArgument`) for a label outside the
    ///   classes, (`.solverFailed`) when the selection fails (e.g. scores that stopped being finite).
    public mutating func trainStep(images: [Float], labels: [Int]) throws(ExampleError) -> Double {
        let count = try imageCount(images, labels: labels)
        let pixels = configuration.grid.pixelCount, patches = selection.n
        let x = try tensor(images, [count, pixels])
        let (theta, selectorPullback) = valueWithPullback(at: selector) { $0(x) }
        let drawn = try sampler.sample(Matrix(rows: count, columns: patches, values: theta.scalars))
        let samples = drawn.selections.rows / count
        let shownImages = Self.repeatRows(images, width: pixels, times: samples)
        let shownLabels = labels.flatMap { repeatElement($0, count: samples) }
        let mask = try configuration.grid.mask(of: drawn.selections.values)
        let masked = try tensor(zip(shownImages, mask).map(*), [count * samples, pixels])
        let (logits, classifierPullback) = valueWithPullback(at: classifier, masked) { $0($1) }
        let (loss, dLogits) = try SoftmaxCrossEntropy.lossAndGradient(logits: logits.scalars, labels: shownLabels,
                                                                     classes: configuration.classes)
        let (dClassifier, dMasked) = classifierPullback(try tensor(dLogits, logits.shape))
        // ∂L/∂mask = ∂L/∂(x ⊙ mask) ⊙ x, then each patch sums its pixels.
        let dMask = dMasked.count == shownImages.count ? zip(dMasked.scalars, shownImages).map(*)
                                                       : [Float](repeating: 0, count: shownImages.count)
        let dSelections = try configuration.grid.patchGradient(ofMaskGradient: dMask)
        let dTheta = try drawn.pullback(Matrix(rows: count * samples, columns: patches, values: dSelections))
        do {
            try selectorOptimizer.update(&selector, along: selectorPullback(try tensor(dTheta.values, theta.shape)))
            try classifierOptimizer.update(&classifier, along: dClassifier)
        } catch {
            throw ExampleError(.solverFailed, "optimiser step failed: \(error)")
        }
        return loss
    }

    /// The selector's scores θ of every image (B × patches).
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) for images of the wrong size.
    public func scores(of images: [Float]) throws(ExampleError) -> Matrix {
        let count = try imageCount(images, labels: nil)
        let theta = selector(try tensor(images, [count, configuration.grid.pixelCount]))
        return Matrix(rows: count, columns: selection.n, values: theta.scalars)
    }

    /// The explanations: the MAP k-subset (the top k of θ) of every image, as 0/1 masks.
    ///
    /// - Throws: ``ExampleError`` for images of the wrong size or non-finite scores.
    public func explanations(of images: [Float]) throws(ExampleError) -> Matrix {
        try selection.map(scores(of: images))
    }

    /// The classifier's predicted class of every image from the patches `selections` keeps.
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when the images and selections do not fit.
    public func predictions(images: [Float], selections: Matrix) throws(ExampleError) -> [Int] {
        let count = try imageCount(images, labels: nil)
        guard selections.rows == count, selections.columns == selection.n, selections.isConsistent else {
            throw ExampleError(.shapeMismatch, "\(selections.rows) × \(selections.columns) selections for \(count) images "
                               + "of \(selection.n) patches")
        }
        let mask = try configuration.grid.mask(of: selections.values)
        let logits = classifier(try tensor(zip(images, mask).map(*), [count, configuration.grid.pixelCount]))
        return SoftmaxCrossEntropy.predictions(logits: logits.scalars, classes: configuration.classes)
    }

    /// The number of images in `images`, checked against the grid and the labels.
    func imageCount(_ images: [Float], labels: [Int]?) throws(ExampleError) -> Int {
        let pixels = configuration.grid.pixelCount
        guard !images.isEmpty, images.count % pixels == 0 else {
            throw ExampleError(.shapeMismatch, "\(images.count) intensities are not a positive number of "
                               + "\(configuration.grid.imageHeight) × \(configuration.grid.imageWidth) images")
        }
        let count = images.count / pixels
        if let labels, labels.count != count {
            throw ExampleError(.shapeMismatch, "\(labels.count) labels for \(count) images")
        }
        return count
    }

    /// Every row of a row-major matrix repeated `times` times in place.
    static func repeatRows(_ values: [Float], width: Int, times: Int) -> [Float] {
        guard times > 1 else { return values }
        return stride(from: 0, to: values.count, by: width).flatMap { start in
            (0..<times).flatMap { _ in values[start ..< start + width] }
        }
    }
}

/// A tensor, with tensor errors reported as ``ExampleError``.
func tensor(_ scalars: [Float], _ shape: [Int]) throws(ExampleError) -> Tensor {
    do { return try Tensor(shape: shape, scalars: scalars) } catch { throw ExampleError(.shapeMismatch, "\(error)") }
}
