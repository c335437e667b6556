import LearningToExplainKit
import _ExampleSupport

/// A task with a known explanation: 14 × 14 images in 7 × 7 patches of 2 × 2 pixels, where
/// one fixed patch spells the label (pixel c of the patch at 1 for class c of 4, the other
/// three at ⅓, so that the patch is as bright as the rest on average) and every other pixel
/// is uniform noise that says nothing about it.
///
/// A selector that has learned the task keeps the informative patch; a uniformly random
/// k-subset keeps it with probability k / 49.
struct InformativePatchTask {
    static let grid = try! PatchGrid(imageHeight: 14, imageWidth: 14, side: 2)
    static let classes = 4
    /// The patch in row 3, column 2 of the grid.
    static let informativePatch = 3 * 7 + 2

    /// `count` images and labels drawn with `seed`.
    static func images(count: Int, seed: UInt64) throws -> ImageSet {
        var random = TestRandom(seed: seed)
        var pixels: [Float] = [], labels: [Int] = []
        for _ in 0..<count {
            let label = Int(random.uniform() * Float(classes)) % classes
            var image = (0 ..< grid.pixelCount).map { _ in random.uniform() }
            for pixel in 0 ..< grid.pixelCount where grid.patch(ofPixel: pixel) == informativePatch {
                // The patch's pixels in reading order: 0, 1 on its top row, 2, 3 below.
                let order = (pixel / grid.imageWidth % grid.side) * grid.side + pixel % grid.side
                image[pixel] = order == label ? 1 : 1.0 / 3
            }
            pixels += image
            labels.append(label)
        }
        return try ImageSet(pixels: pixels, labels: labels, height: grid.imageHeight, width: grid.imageWidth)
    }
}
