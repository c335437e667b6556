import DifferentiableSolvers
import _ExampleSupport

/// A contact sheet of explanations: the first row shows the images as they are, every further
/// row the same images under one explainer's selection — selected patches at full brightness
/// on a blue ground (so that a selected empty patch shows), the others dimmed to a quarter.
///
/// ```swift
/// let sheet = try SelectionSheet(images: first12, grid: .fashionMNIST,
///                                selections: [aimleMasks, imleMasks, l2xMasks, steMasks])
/// try sheet.image.write(to: directory.file("selections-k8.png"))
/// ```
public struct SelectionSheet: Sendable {
    /// The sheet, RGB.
    public let image: PNGImage

    /// How much light an unselected pixel keeps.
    static let dimming: Float = 0.25
    /// The blue level under a selected patch.
    static let ground: Float = 0.45

    /// Lays out the images and their selections.
    ///
    /// - Parameters:
    ///   - images: n images of the grid's size, intensities in [0, 1].
    ///   - grid: their patches.
    ///   - selections: one n × patches matrix of 0/1 selections per row of the sheet.
    ///   - scale: the side in sheet pixels of one image pixel (at least 1).
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when the sizes do not fit.
    public init(images: [Float], grid: PatchGrid, selections: [Matrix], scale: Int = 3) throws(ExampleError) {
        let count = try grid.count(images, per: grid.pixelCount, what: "image")
        var masks: [[Float]] = []
        for matrix in selections {
            guard matrix.isConsistent, matrix.rows == count, matrix.columns == grid.patchCount else {
                throw ExampleError(.shapeMismatch, "\(matrix.rows) × \(matrix.columns) selections for \(count) images "
                                   + "of \(grid.patchCount) patches")
            }
            masks.append(try grid.mask(of: matrix.values))
        }
        let scale = max(scale, 1)
        let layout = TileGrid(count: count * (1 + masks.count), tileHeight: grid.imageHeight * scale,
                              tileWidth: grid.imageWidth * scale, columns: count, gap: 2 * scale)
        var sheet = try PNGImage(width: layout.width, height: layout.height, channels: 3,
                                 pixels: [UInt8](repeating: 128, count: layout.width * layout.height * 3))
        for tile in 0 ..< layout.count {
            let (top, left) = layout.origin(of: tile)
            let image = tile % count, mask = tile < count ? nil : masks[tile / count - 1]
            for pixel in 0 ..< grid.pixelCount {
                let value = images[image * grid.pixelCount + pixel]
                let selected = mask.map { $0[image * grid.pixelCount + pixel] > 0.5 }
                let colour = Self.colour(value, selected: selected)
                let (y, x) = (top + pixel / grid.imageWidth * scale, left + pixel % grid.imageWidth * scale)
                for dy in 0..<scale {
                    for dx in 0..<scale { sheet[y + dy, x + dx] = colour }
                }
            }
        }
        image = sheet
    }

    /// The RGB of a pixel: grey as it is (`selected` nil), lit on blue, or dimmed.
    static func colour(_ value: Float, selected: Bool?) -> [UInt8] {
        func byte(_ level: Float) -> UInt8 { UInt8(max(0, min(1, level)) * 255 + 0.5) }
        switch selected {
        case nil: return [byte(value), byte(value), byte(value)]
        case true?: return [byte(value), byte(value), byte(max(value, ground))]
        case false?: return [byte(dimming * value), byte(dimming * value), byte(dimming * value)]
        }
    }
}
