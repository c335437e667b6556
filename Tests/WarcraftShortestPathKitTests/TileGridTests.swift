import Testing
import _ExampleSupport

@Suite("Contact-sheet layout")
struct TileGridTests {
    @Test("tiles lie inside the sheet, never overlap, and leave a gap between them and around the sheet",
          arguments: [(5, 3, 4, 2, 1), (8, 48, 48, 4, 6), (1, 2, 3, 4, 0), (7, 1, 1, 3, 2)])
    func layout(count: Int, tileHeight: Int, tileWidth: Int, columns: Int, gap: Int) {
        let grid = TileGrid(count: count, tileHeight: tileHeight, tileWidth: tileWidth, columns: columns, gap: gap)
        var owner = [Int](repeating: -1, count: grid.height * grid.width)
        for index in 0..<count {
            let (top, left) = grid.origin(of: index)
            for y in top ..< top + tileHeight {
                for x in left ..< left + tileWidth {
                    #expect(y >= gap && y < grid.height - gap && x >= gap && x < grid.width - gap)
                    #expect(owner[y * grid.width + x] == -1)
                    owner[y * grid.width + x] = index
                }
            }
        }
        // Every row of tiles and every column of tiles is used, so the sheet is no larger than needed.
        #expect(grid.height == grid.rows * tileHeight + (grid.rows + 1) * gap)
        #expect(grid.width == grid.columns * tileWidth + (grid.columns + 1) * gap)
        #expect(grid.rows == (count + grid.columns - 1) / grid.columns)
    }

    @Test("the second row's first tile starts one tile and two gaps down")
    func knownOrigin() {
        let grid = TileGrid(count: 64, tileHeight: 28, tileWidth: 28, columns: 8, gap: 1)
        #expect(grid.origin(of: 9) == (30, 30))
        #expect(grid.origin(of: 8) == (30, 1))
        #expect(grid.width == 233 && grid.height == 233)
    }
}
