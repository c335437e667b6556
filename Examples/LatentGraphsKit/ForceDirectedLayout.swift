/// One round of the Fruchterman–Reingold force-directed layout (Fruchterman & Reingold
/// 1991) as NetworkX's `spring_layout(G, pos=…, iterations=1, center=0)` computes it, the
/// step of Paulus et al. (2020)'s graph-layout data.
///
/// With optimal distance k = 1/√n, every vertex i feels the force
/// Σ_j (x_i − x_j) (k²/d_ij² − A_ij d_ij/k): repulsion k²/d from every other vertex and
/// attraction d²/k along the edges of the graph (d clipped below at 0.01). Each vertex
/// moves by the temperature t = 0.1 · (the larger side of the layout's bounding box) in
/// the direction of its force (a force shorter than 0.01 counts as 0.1 long); then the
/// layout is centred at the origin and scaled so its largest coordinate is ±1.
///
/// The attraction acts only along tree edges, so a vertex's move reveals its neighbours.
///
/// ```swift
/// let next = ForceDirectedLayout.step(positions: xy, adjacency: tree, vertexCount: 10)
/// ```
public enum ForceDirectedLayout {
    /// The positions after one layout round.
    ///
    /// - Parameters:
    ///   - positions: n × 2 coordinates, row-major.
    ///   - adjacency: n × n symmetric adjacency, row-major.
    ///   - vertexCount: n.
    /// - Returns: the new n × 2 coordinates.
    /// - Complexity: O(n²).
    public static func step(positions: [Double], adjacency: [Bool], vertexCount n: Int) -> [Double] {
        let k = (1 / Double(n)).squareRoot()
        var minimum = (Double.infinity, Double.infinity), maximum = (-Double.infinity, -Double.infinity)
        for i in 0..<n {
            minimum = (min(minimum.0, positions[2 * i]), min(minimum.1, positions[2 * i + 1]))
            maximum = (max(maximum.0, positions[2 * i]), max(maximum.1, positions[2 * i + 1]))
        }
        let temperature = 0.1 * max(maximum.0 - minimum.0, maximum.1 - minimum.1)
        var next = positions
        for i in 0..<n {
            var force = (0.0, 0.0)
            for j in 0..<n where j != i {
                let dx = positions[2 * i] - positions[2 * j], dy = positions[2 * i + 1] - positions[2 * j + 1]
                let distance = max((dx * dx + dy * dy).squareRoot(), 0.01)
                var magnitude = k * k / (distance * distance)
                if adjacency[i * n + j] { magnitude -= distance / k }
                force.0 += dx * magnitude
                force.1 += dy * magnitude
            }
            var length = (force.0 * force.0 + force.1 * force.1).squareRoot()
            if length < 0.01 { length = 0.1 }
            next[2 * i] += force.0 * temperature / length
            next[2 * i + 1] += force.1 * temperature / length
        }
        return rescaled(next, vertexCount: n)
    }

    /// The layout centred at the origin and scaled so that its largest |coordinate| is 1
    /// (NetworkX's `rescale_layout` with scale 1).
    public static func rescaled(_ positions: [Double], vertexCount n: Int) -> [Double] {
        var mean = (0.0, 0.0)
        for i in 0..<n { mean.0 += positions[2 * i]; mean.1 += positions[2 * i + 1] }
        mean = (mean.0 / Double(n), mean.1 / Double(n))
        var centred = positions
        var limit = 0.0
        for i in 0..<n {
            centred[2 * i] -= mean.0
            centred[2 * i + 1] -= mean.1
            limit = max(limit, abs(centred[2 * i]), abs(centred[2 * i + 1]))
        }
        guard limit > 0 else { return centred }
        return centred.map { $0 / limit }
    }
}
