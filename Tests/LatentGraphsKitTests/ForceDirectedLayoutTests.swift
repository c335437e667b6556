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

    /// The move depends on the tree: moving vertex 3's only edge from vertex 2 to vertex 0
    /// pulls it towards 0, measured by d(3, 0) / d(3, 2), which the rescaling preserves.
    /// (NetworkX gives 0.805 and 0.647 for these two trees.)
    @Test func tree_edges_pull_their_endpoints_together() {
        let start: [Double] = [-1, 0, 1, 0, 0, 1, 0, -1]
        func ratio(_ edges: [(Int, Int)]) -> Double {
            var adjacency = [Bool](repeating: false, count: 16)
            for (a, b) in edges { adjacency[a * 4 + b] = true; adjacency[b * 4 + a] = true }
            let p = ForceDirectedLayout.step(positions: start, adjacency: adjacency, vertexCount: 4)
            func distance(_ i: Int, _ j: Int) -> Double {
                let dx = p[2 * i] - p[2 * j], dy = p[2 * i + 1] - p[2 * j + 1]
                return (dx * dx + dy * dy).squareRoot()
            }
            return distance(3, 0) / distance(3, 2)
        }
        let towardsTwo = ratio([(0, 2), (1, 2), (3, 2)]), towardsZero = ratio([(0, 2), (1, 2), (3, 0)])
        #expect(abs(towardsTwo - 0.8051661587677919) < 1e-12)
        #expect(abs(towardsZero - 0.6471713513931798) < 1e-12)
    }

    @Test func rescaling_centres_and_bounds_by_one() {
        let scaled = ForceDirectedLayout.rescaled([1, 2, 3, 6], vertexCount: 2)
        #expect(scaled == [-0.5, -1, 0.5, 1])
    }
}
