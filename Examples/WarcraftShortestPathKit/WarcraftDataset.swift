import _ExampleSupport
/// A set of Warcraft shortest-path instances in the published layout (Pogančić et al. 2020):
/// for each instance an RGB terrain map of H × H tiles of 8 × 8 pixels, the true cost of
/// every tile, and the 0/1 mask of a cheapest path from the top-left to the bottom-right
/// tile on the 8-connected grid (a path's cost is the sum of the costs of the tiles it
/// visits, both ends included).
///
/// ```swift
/// let train = try WarcraftGenerator(gridSize: 12, seed: 1).makeDataset(count: 500)
/// train.image(3)          // 96 · 96 · 3 bytes, height × width × channel
/// train.weights(3)        // 144 costs, row-major
/// ```
public struct WarcraftDataset: Sendable, Equatable {
    /// Pixels on each side of one tile.
    public static let tileSize = 8

    /// H, the number of tiles on each side of a map.
    public let gridSize: Int
    /// The number of instances.
    public let count: Int
    /// All maps, N × 8H × 8H × 3, row-major (height, width, channel), as in `*_maps.npy`.
    public let maps: [UInt8]
    /// All tile costs, N × H × H, as in `*_vertex_weights.npy`.
    public let weights: [Float]
    /// All path masks (0 or 1), N × H × H, as in `*_shortest_paths.npy`.
    public let paths: [Float]

    /// Wraps arrays in the published layout.
    ///
    /// - Throws: ``ExampleError`` when `gridSize` is below 1 or an array's length does
    ///   not fit `count` instances.
    public init(gridSize: Int, count: Int, maps: [UInt8], weights: [Float], paths: [Float]) throws(ExampleError) {
        guard gridSize >= 1, count >= 0 else {
            throw ExampleError("a dataset needs a grid of at least 1 × 1 and a non-negative count, got H = \(gridSize), N = \(count)")
        }
        let side = gridSize * Self.tileSize
        guard maps.count == count * side * side * 3 else {
            throw ExampleError("\(count) maps of \(side) × \(side) × 3 need \(count * side * side * 3) bytes, got \(maps.count)")
        }
        guard weights.count == count * gridSize * gridSize, paths.count == weights.count else {
            throw ExampleError("\(count) instances of \(gridSize) × \(gridSize) need \(count * gridSize * gridSize) weights "
                                    + "and path entries, got \(weights.count) and \(paths.count)")
        }
        self.init(checkedGridSize: gridSize, count: count, maps: maps, weights: weights, paths: paths)
    }

    /// Wraps arrays whose lengths the caller has already checked.
    init(checkedGridSize gridSize: Int, count: Int, maps: [UInt8], weights: [Float], paths: [Float]) {
        self.gridSize = gridSize
        self.count = count
        self.maps = maps
        self.weights = weights
        self.paths = paths
    }

    /// Pixels on each side of a map, 8H.
    public var imageSide: Int { gridSize * Self.tileSize }
    /// Bytes of one map, 8H · 8H · 3.
    public var imageByteCount: Int { imageSide * imageSide * 3 }
    /// Tiles of one map, H².
    public var cellCount: Int { gridSize * gridSize }

    /// The map of instance `index`, height × width × channel.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        maps[index * imageByteCount..<(index + 1) * imageByteCount]
    }

    /// The tile costs of instance `index`, row-major.
    public func weights(_ index: Int) -> ArraySlice<Float> {
        weights[index * cellCount..<(index + 1) * cellCount]
    }

    /// The true path mask of instance `index`, row-major.
    public func path(_ index: Int) -> ArraySlice<Float> {
        paths[index * cellCount..<(index + 1) * cellCount]
    }

    /// The first `count` instances (all of them when there are fewer).
    public func prefix(_ count: Int) -> WarcraftDataset {
        let n = max(0, min(count, self.count))
        return WarcraftDataset(checkedGridSize: gridSize, count: n, maps: Array(maps.prefix(n * imageByteCount)),
                                    weights: Array(weights.prefix(n * cellCount)), paths: Array(paths.prefix(n * cellCount)))
    }
}
