import DifferentiableSolvers
import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("The PNG sheet of selections")
struct SelectionSheetTests {
    @Test("Originals on the first row, selected patches lit on blue, the others dimmed")
    func layoutAndColours() throws {
        let grid = try PatchGrid(imageHeight: 2, imageWidth: 4, side: 2)
        let image: [Float] = [1, 1, 1, 1,  0, 0, 1, 1]
        let sheet = try SelectionSheet(images: image, grid: grid, selections: [Matrix(rows: 1, columns: 2, values: [1, 0])],
                                       scale: 1).image
        // One column of tiles, two rows, a 2-pixel gap around and between them.
        #expect(sheet.width == 2 + 4 + 2 && sheet.height == 2 + 2 + 2 + 2 + 2)
        #expect(sheet[2, 2] == [255, 255, 255])            // original, lit pixel
        #expect(sheet[3, 2] == [0, 0, 0])                  // original, dark pixel
        #expect(sheet[7, 2] == [0, 0, 115])                // selected patch, dark pixel: blue ground
        #expect(sheet[6, 4] == [64, 64, 64])               // unselected patch, lit pixel: dimmed to a quarter
        #expect(throws: ExampleError.self) {
            try SelectionSheet(images: image, grid: grid, selections: [Matrix(rows: 1, columns: 3, values: [1, 0, 0])])
        }
    }
}
