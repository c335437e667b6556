import DiscreteVAEKit
import Testing

@Suite("Image sheets")
struct ImageSheetTests {
    @Test("Images are tiled row by row inside one-pixel white borders")
    func tiling() {
        // Three 1 × 2 images, two to a row: a 2-row sheet of (2 + 1) · 2 + 1 = 7 by (1 + 1) · 2 + 1 = 5 pixels.
        let sheet = ImageSheet(images: [0, 0.5, 0.25, 0.75, 1, 0], count: 3, height: 1, width: 2, columns: 2)
        #expect(sheet.width == 7 && sheet.height == 5)
        let grey = sheet.greyLevels
        #expect(Array(grey[0..<7]) == [255, 255, 255, 255, 255, 255, 255])
        #expect(Array(grey[7..<14]) == [255, 0, 128, 255, 64, 191, 255])
        #expect(Array(grey[21..<28]) == [255, 255, 0, 255, 255, 255, 255])
    }
}
