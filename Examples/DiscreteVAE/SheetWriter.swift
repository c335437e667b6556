import DiscreteVAEKit
import Foundation
import _ExampleSupport

/// Writes image sheets into the output directory (binary PGM: `PNGImage` has not reached this
/// branch of `_ExampleSupport` yet).
enum SheetWriter {
    static func write(_ sheet: ImageSheet, to directory: OutputDirectory, name: String) throws {
        try Data(sheet.portableGraymap()).write(to: directory.file("\(name).pgm"))
    }
}
