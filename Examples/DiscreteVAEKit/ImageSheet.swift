import _ExampleSupport

/// A grid of equally sized grey-scale images (intensities in [0, 1]) tiled into one picture
/// with a one-pixel white border, for reconstructions and prior samples.
///
/// ```swift
/// let sheet = ImageSheet(images: probabilities, count: 64, height: 28, width: 28, columns: 8)
/// let grey = sheet.greyLevels                      // 8-bit grey, row-major (e.g. for PNGImage)
/// ```
public struct ImageSheet: Sendable {
    /// The sheet's height in pixels.
    public let height: Int
    /// The sheet's width in pixels.
    public let width: Int
    /// The intensities, row-major, in [0, 1].
    public private(set) var intensities: [Float]

    /// Tiles `count` images of `height × width`, `columns` to a row.
    public init(images: [Float], count: Int, height: Int, width: Int, columns: Int) {
        let grid = TileGrid(count: count, tileHeight: height, tileWidth: width, columns: min(columns, count), gap: 1)
        self.height = grid.height
        self.width = grid.width
        intensities = [Float](repeating: 1, count: self.height * self.width)
        for image in 0..<count {
            let (top, left) = grid.origin(of: image)
            for y in 0..<height {
                for x in 0..<width {
                    intensities[(top + y) * self.width + left + x] = images[(image * height + y) * width + x]
                }
            }
        }
    }

    /// Grey levels 0…255, row-major.
    public var greyLevels: [UInt8] { intensities.map { UInt8(max(0, min(1, $0)) * 255 + 0.5) } }
}
