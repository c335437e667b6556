import DifferentiableSolvers

extension TerrainType {
    /// The shade of pixel (y, x) of an 8 × 8 tile relative to the base colour: a pattern
    /// particular to the terrain, with `phase` shifting it per tile.
    ///
    /// Grass has scattered dark blades, roads pale wheel ruts, forest round tree crowns,
    /// hills a light-to-dark diagonal slope, water bright horizontal ripples.
    func patternShade(y: Int, x: Int, phase: Int) -> Float {
        switch self {
        case .grass:
            return (x * 5 + y * 3 + phase) % 7 == 0 ? -35 : 0
        case .road:
            return (x + phase) % 8 == 2 || (x + phase) % 8 == 5 ? 25 : 0
        case .forest:
            // Two crowns per tile, centred at (2, 2) and (5, 5) shifted by the phase.
            let shift = phase % 2
            let dy1 = y - 2 - shift, dx1 = x - 2, dy2 = y - 5, dx2 = x - 5 + shift
            let inCrown = dy1 * dy1 + dx1 * dx1 <= 2 || dy2 * dy2 + dx2 * dx2 <= 2
            return inCrown ? 30 : -10
        case .hills:
            return Float(7 - x - y) * 6
        case .water:
            return (y + phase) % 4 == 0 && (x + phase) % 3 != 0 ? 45 : 0
        }
    }

    /// Draws this terrain into an 8 × 8 block of `image` (height × width × 3, `side` pixels
    /// wide) with its top-left pixel at (`top`, `left`), varying brightness, tint, pattern
    /// phase and per-pixel noise at random.
    func drawTile(into image: inout [UInt8], side: Int, top: Int, left: Int, using generator: inout SeededGenerator) {
        let base = baseColour
        let brightness = Float.random(in: -18...18, using: &generator)
        let tint = (Float.random(in: -10...10, using: &generator), Float.random(in: -10...10, using: &generator),
                    Float.random(in: -10...10, using: &generator))
        let phase = Int.random(in: 0..<8, using: &generator)
        let size = WarcraftDataset.tileSize
        for y in 0..<size {
            for x in 0..<size {
                let shade = patternShade(y: y, x: x, phase: phase) + brightness
                let offset = ((top + y) * side + left + x) * 3
                let channels = [base.red + tint.0, base.green + tint.1, base.blue + tint.2]
                for (c, value) in channels.enumerated() {
                    let noisy = value + shade + Float.random(in: -8...8, using: &generator)
                    image[offset + c] = UInt8(min(max(noisy.rounded(), 0), 255))
                }
            }
        }
    }
}
