import Testing
@testable import LatentGraphsKit

@Suite("Fruchterman–Reingold layout")
struct ForceDirectedLayoutTests {
    /// Star 1–{0, 2, 3} from fixed positions; the expected values are NetworkX 3.6.1's
    /// `spring_layout(G, pos=…, iterations=1, threshold=1e-10, center=[0, 0])`, twice.
    @Test func matchesNetworkXSpringLayout() {
        var adjacency = [Bool](repeating: false, count: 16)
        for (a, b) in [(0, 1), (1, 2), (1, 3)] { adjacency[a * 4 + b] = true; adjacency[b * 4 + a] = true }
        let start: [Double] = [0.3, -0.2, 1.0, 0.5, -0.7, 0.9, 0.1, 1.4]
        let once = ForceDirectedLayout.step(positions: start, adjacency: adjacency, vertexCount: 4)
        let expectedOnce = [0.2522810291398878, -0.9647124259443299, 0.7602740836463497, -0.1365811552213397,
                            -1.0, 0.27033023288928126, -0.012555112786237638, 0.8309633482763885]
        for (value, expected) in zip(once, expectedOnce) { #expect(abs(value - expected) < 1e-12) }
        let twice = ForceDirectedLayout.step(positions: once, adjacency: adjacency, vertexCount: 4)
        let expectedTwice = [0.34706066093057114, -0.9370662470440291, 0.593411758666917, -0.10672939018100316,
                             -1.0, 0.25379458814886546, 0.05952758040251192, 0.7900010490761669]
        for (value, expected) in zip(twice, expectedTwice) { #expect(abs(value - expected) < 1e-12) }
    }

    /// The move depends on the tree: from the same positions, the endpoints of an edge end up
    /// closer than without it, and the layouts differ.
    @Test func tree_edges_pull_their_endpoints_together() {
        let start: [Double] = [-1, 0, 1, 0, 0, 1, 0, -1]
        var path = [Bool](repeating: false, count: 16), other = path
        for (a, b) in [(0, 2), (2, 1), (1, 3)] { path[a * 4 + b] = true; path[b * 4 + a] = true }
        for (a, b) in [(0, 1), (1, 2), (2, 3)] { other[a * 4 + b] = true; other[b * 4 + a] = true }
        let withPath = ForceDirectedLayout.step(positions: start, adjacency: path, vertexCount: 4)
        let withOther = ForceDirectedLayout.step(positions: start, adjacency: other, vertexCount: 4)
        func distance(_ p: [Double], _ i: Int, _ j: Int) -> Double {
            ((p[2 * i] - p[2 * j]) * (p[2 * i] - p[2 * j]) + (p[2 * i + 1] - p[2 * j + 1]) * (p[2 * i + 1] - p[2 * j + 1])).squareRoot()
        }
        #expect(distance(withPath, 0, 2) < distance(withOther, 0, 2))   // {0, 2} is an edge of `path` only
        #expect(distance(withOther, 0, 1) < distance(withPath, 0, 1))   // {0, 1} is an edge of `other` only
        #expect(withPath != withOther)
    }

    @Test func rescaling_centres_and_bounds_by_one() {
        let scaled = ForceDirectedLayout.rescaled([1, 2, 3, 6], vertexCount: 2)
        #expect(scaled == [-0.5, -1, 0.5, 1])
    }
}
