import DifferentiableSolvers
import _ExampleSupport

extension PatchExplainer {
    /// The ``ExplanationMetrics`` of the explainer's MAP selections on `set`.
    ///
    /// - Parameters:
    ///   - set: images of the grid's size with their labels.
    ///   - batchSize: images per forward pass.
    ///   - seed: the seed of the random selections of the chance level (the same for every
    ///     explainer, so that their chance levels compare).
    /// - Returns: the metrics, or `nil` for an empty set.
    /// - Throws: ``ExampleError`` for images of the wrong size or non-finite scores.
    public func evaluate(_ set: ImageSet, batchSize: Int = 1_000, seed: UInt64 = 0) throws(ExampleError) -> ExplanationMetrics? {
        guard set.count > 0 else { return nil }
        var generator = SeededGenerator(seed: seed, stream: [0xE7A1])
        var tally = Tally()
        let pixels = set.pixelCount
        for start in stride(from: 0, to: set.count, by: max(batchSize, 1)) {
            let end = min(start + max(batchSize, 1), set.count)
            let images = Array(set.pixels[start * pixels ..< end * pixels])
            let labels = Array(set.labels[start ..< end])
            let chosen = try explanations(of: images)
            let random = selection.random(rows: end - start, using: &generator)
            let ink = try configuration.grid.patchMeans(of: images).map { $0 > ExplanationMetrics.inkThreshold }
            tally.correct += zip(try predictions(images: images, selections: chosen), labels).count(where: { $0 == $1 })
            tally.randomCorrect += zip(try predictions(images: images, selections: random), labels).count(where: { $0 == $1 })
            tally.inkPatches += ink.count(where: { $0 })
            tally.selectedInk += zip(chosen.values, ink).count(where: { $0 > 0.5 && $1 })
        }
        let images = Double(set.count), selected = images * Double(selection.k)
        return ExplanationMetrics(images: set.count, accuracy: Double(tally.correct) / images,
                                  inkShare: Double(tally.selectedInk) / selected,
                                  inkRecall: tally.inkPatches > 0 ? Double(tally.selectedInk) / Double(tally.inkPatches) : 0,
                                  randomSelectionAccuracy: Double(tally.randomCorrect) / images,
                                  randomInkShare: Double(tally.inkPatches) / (images * Double(selection.n)))
    }

    /// Counts gathered over the batches of an evaluation.
    private struct Tally {
        var correct = 0
        var randomCorrect = 0
        var inkPatches = 0
        var selectedInk = 0
    }
}
