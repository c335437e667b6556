import _ExampleSupport

/// The square patches an image is cut into, and the maps between a selection of patches and
/// the pixels it covers.
///
/// A selection z has one entry per patch, row-major over the grid (patch p covers rows
/// `p / columns · side …` and columns `p % columns · side …`). ``mask(of:)`` upsamples z to a
/// pixel mask (every pixel takes its patch's entry); ``patchGradient(ofMaskGradient:)`` is its
/// adjoint, ∂L/∂z_p = Σ over the patch's pixels of ∂L/∂mask. The learning-to-explain
/// experiment of Chen et al. (2018) cuts 28 × 28 MNIST images into 7 × 7 patches of 4 × 4
/// pixels; ``fashionMNIST`` is that grid.
///
/// ```swift
/// let grid = try PatchGrid(imageHeight: 4, imageWidth: 4, side: 2)   // 2 × 2 patches
/// let mask = try grid.mask(of: [1, 0, 0, 1])                          // top-left and bottom-right
/// // [1, 1, 0, 0,  1, 1, 0, 0,  0, 0, 1, 1,  0, 0, 1, 1]
/// ```
public struct PatchGrid: Sendable, Hashable, Codable {
    /// Image height in pixels.
    public let imageHeight: Int
    /// Image width in pixels.
    public let imageWidth: Int
    /// The side of a patch in pixels.
    public let side: Int

    /// 28 × 28 images in 7 × 7 patches of 4 × 4 pixels (49 patches).
    public static let fashionMNIST = try! PatchGrid(imageHeight: 28, imageWidth: 28, side: 4)

    /// A grid of `side × side` patches over `imageHeight × imageWidth` images.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) unless every size is positive and the
    ///   patch side divides both image sides.
    public init(imageHeight: Int, imageWidth: Int, side: Int) throws(ExampleError) {
        guard imageHeight >= 1, imageWidth >= 1, side >= 1, imageHeight % side == 0, imageWidth % side == 0 else {
            throw ExampleError("\(imageHeight) × \(imageWidth) images do not split into \(side) × \(side) patches")
        }
        self.imageHeight = imageHeight
        self.imageWidth = imageWidth
        self.side = side
    }

    /// Decodes a grid and checks it as ``init(imageHeight:imageWidth:side:)`` does.
    ///
    /// - Throws: a decoding error, or ``ExampleError`` for sizes that do not make a grid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(imageHeight: try container.decode(Int.self, forKey: .imageHeight),
                      imageWidth: try container.decode(Int.self, forKey: .imageWidth),
                      side: try container.decode(Int.self, forKey: .side))
    }

    /// Patches per row of the grid.
    public var columns: Int { imageWidth / side }
    /// Patches per column of the grid.
    public var rows: Int { imageHeight / side }
    /// The number of patches.
    public var patchCount: Int { rows * columns }
    /// Pixels per image.
    public var pixelCount: Int { imageHeight * imageWidth }
    /// Pixels per patch.
    public var pixelsPerPatch: Int { side * side }

    /// The patch that holds pixel `pixel` (row-major index into one image).
    public func patch(ofPixel pixel: Int) -> Int {
        (pixel / imageWidth / side) * columns + (pixel % imageWidth) / side
    }

    /// The pixel mask of selections: every pixel takes the value of its patch.
    ///
    /// - Parameter selections: one or more selections, `patchCount` entries each.
    /// - Returns: one mask of `pixelCount` entries per selection.
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when `selections` is not a whole number
    ///   of selections.
    public func mask(of selections: [Float]) throws(ExampleError) -> [Float] {
        let count = try self.count(selections, per: patchCount, what: "selection")
        var mask = [Float](repeating: 0, count: count * pixelCount)
        for image in 0..<count {
            for pixel in 0..<pixelCount {
                mask[image * pixelCount + pixel] = selections[image * patchCount + patch(ofPixel: pixel)]
            }
        }
        return mask
    }

    /// The adjoint of ``mask(of:)``: the gradient of a loss with respect to the selections,
    /// given its gradient with respect to the masks (each patch sums its pixels).
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when `maskGradient` is not a whole
    ///   number of masks.
    public func patchGradient(ofMaskGradient maskGradient: [Float]) throws(ExampleError) -> [Float] {
        let count = try self.count(maskGradient, per: pixelCount, what: "mask gradient")
        var gradient = [Float](repeating: 0, count: count * patchCount)
        for image in 0..<count {
            for pixel in 0..<pixelCount {
                gradient[image * patchCount + patch(ofPixel: pixel)] += maskGradient[image * pixelCount + pixel]
            }
        }
        return gradient
    }

    /// The mean intensity of every patch of every image.
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when `images` is not a whole number of images.
    public func patchMeans(of images: [Float]) throws(ExampleError) -> [Float] {
        try patchGradient(ofMaskGradient: images).map { $0 / Float(pixelsPerPatch) }
    }

    /// The number of blocks of `size` values in `values`.
    func count(_ values: [Float], per size: Int, what: String) throws(ExampleError) -> Int {
        guard values.count % size == 0 else {
            throw ExampleError(.shapeMismatch, "\(values.count) values are not a whole number of \(what)s of \(size) entries "
                               + "(\(imageHeight) × \(imageWidth) images in \(side) × \(side) patches)")
        }
        return values.count / size
    }
}
