import CombinatorialSolvers
import DifferentiableSolvers
import WarcraftShortestPathKit
import _ExampleSupport

/// A PNG contact sheet of test maps with the true path (white tile outlines) and the
/// predicted path (red tile centres) drawn on each, two pixels per map pixel.
enum PathSheet {
    static let columns = 4
    static let gap = 6
    static let zoom = 2

    /// Draws the first `count` instances of `data` with the predicted masks `predicted`
    /// (count × H² values, row-major).
    static func render(_ data: WarcraftDataset, predicted: Matrix, count: Int) -> PNGImage {
        let side = data.imageSide * zoom, tile = WarcraftDataset.tileSize * zoom
        let grid = TileGrid(count: count, tileHeight: side, tileWidth: side, columns: columns, gap: gap)
        var sheet = PNGImage(width: grid.width, height: grid.height, channels: 3)
        for index in 0..<count {
            let (top, left) = grid.origin(of: index)
            let image = data.image(index)
            for y in 0..<side {
                for x in 0..<side {
                    let source = image.startIndex + ((y / zoom) * data.imageSide + x / zoom) * 3
                    sheet[top + y, left + x] = Array(image[source..<source + 3])
                }
            }
            for cell in 0..<data.cellCount {
                let cellTop = top + cell / data.gridSize * tile, cellLeft = left + cell % data.gridSize * tile
                if data.path(index)[data.path(index).startIndex + cell] > 0.5 {
                    for k in 0..<tile {
                        for (y, x) in [(0, k), (tile - 1, k), (k, 0), (k, tile - 1)] {
                            sheet[cellTop + y, cellLeft + x] = [255, 255, 255]
                        }
                    }
                }
                if predicted[index, cell] > 0.5 {
                    for y in tile / 4..<tile * 3 / 4 {
                        for x in tile / 4..<tile * 3 / 4 { sheet[cellTop + y, cellLeft + x] = [230, 20, 20] }
                    }
                }
            }
        }
        return sheet
    }
}
