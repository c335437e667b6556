/// Where the tiles of a contact sheet go: `count` equal tiles, `columns` to a row, with
/// `gap` pixels between tiles and around the sheet.
///
/// One layout for every image sheet of the examples (reconstructions, prior samples,
/// predicted paths).
///
/// ```swift
/// let grid = TileGrid(count: 64, tileHeight: 28, tileWidth: 28, columns: 8, gap: 1)
/// let (top, left) = grid.origin(of: 9)     // (30, 30): second row, second column
/// ```
public struct TileGrid: Sendable, Hashable {
    /// Tiles on the sheet.
    public let count: Int
    /// A tile's height in pixels.
    public let tileHeight: Int
    /// A tile's width in pixels.
    public let tileWidth: Int
    /// Tiles per row.
    public let columns: Int
    /// Pixels between tiles and around the sheet.
    public let gap: Int

    /// A layout of `count` tiles, `columns` (at least 1) to a row.
    public init(count: Int, tileHeight: Int, tileWidth: Int, columns: Int, gap: Int) {
        self.count = count
        self.tileHeight = tileHeight
        self.tileWidth = tileWidth
        self.columns = max(1, columns)
        self.gap = gap
    }

    /// Rows of tiles.
    public var rows: Int { (count + columns - 1) / columns }
    /// The sheet's height in pixels.
    public var height: Int { rows * (tileHeight + gap) + gap }
    /// The sheet's width in pixels.
    public var width: Int { columns * (tileWidth + gap) + gap }

    /// The top-left pixel of tile `index` (row-major order of tiles).
    public func origin(of index: Int) -> (top: Int, left: Int) {
        (gap + index / columns * (tileHeight + gap), gap + index % columns * (tileWidth + gap))
    }
}
