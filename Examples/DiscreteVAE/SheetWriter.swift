import DiscreteVAEKit
import Foundation
import _ExampleSupport

/// Writes image sheets into the output directory as 8-bit grey PNG files.
enum SheetWriter {
    static func write(_ sheet: ImageSheet, to directory: OutputDirectory, name: String) throws {
        let image = try PNGImage(width: sheet.width, height: sheet.height, channels: 1, pixels: sheet.greyLevels)
        try image.pngData().write(to: directory.file("\(name).png"))
    }
}
