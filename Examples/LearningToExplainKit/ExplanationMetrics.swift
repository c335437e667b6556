/// How good an explainer's MAP selections are on a set of images.
///
/// * ``accuracy``, the post-hoc accuracy of Chen et al. (2018): the share of images the
///   classifier labels correctly from the selected patches alone;
/// * ``inkShare``: the share of selected patches that carry ink — a mean grey level above
///   ``inkThreshold`` (0.1: Fashion-MNIST backgrounds are 0, garments mostly well above);
/// * ``inkRecall``: the share of the images' ink patches that are selected;
/// * the chance levels: ``randomSelectionAccuracy``, the same classifier on k patches drawn
///   uniformly at random, and ``randomInkShare``, the ink share such a selection has in
///   expectation (ink patches / all patches).
public struct ExplanationMetrics: Sendable, Hashable, Codable {
    /// The mean grey level above which a patch counts as carrying ink.
    public static let inkThreshold: Float = 0.1

    /// Images measured.
    public var images: Int
    /// Post-hoc accuracy in [0, 1].
    public var accuracy: Double
    /// Share of selected patches with ink.
    public var inkShare: Double
    /// Share of ink patches selected.
    public var inkRecall: Double
    /// Accuracy of the classifier on uniformly random k-subsets.
    public var randomSelectionAccuracy: Double
    /// Expected ink share of a uniformly random k-subset.
    public var randomInkShare: Double

    /// Creates metrics.
    public init(images: Int, accuracy: Double, inkShare: Double, inkRecall: Double, randomSelectionAccuracy: Double,
                randomInkShare: Double) {
        self.images = images
        self.accuracy = accuracy
        self.inkShare = inkShare
        self.inkRecall = inkRecall
        self.randomSelectionAccuracy = randomSelectionAccuracy
        self.randomInkShare = randomInkShare
    }
}
