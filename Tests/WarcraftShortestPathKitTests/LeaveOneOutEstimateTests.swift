import Testing
import _ExampleSupport

@Suite("The leave-one-out score-function estimate")
struct LeaveOneOutEstimateTests {
    /// Two rows by hand. Row 0, S = 2: advantages 3 − 1 = 2 and 1 − 3 = −2, so
    /// (1/2)[2·(1, 0) − 2·(−1, 2)] = (2, −2). Row 1, S = 2, equal losses: 0.
    @Test func estimate_by_hand() {
        let g = LeaveOneOutEstimate.gradient(losses: [3, 1, 5, 5], scores: [1, 0, -1, 2, 7, 7, 7, 7], rows: 2, samples: 2, scale: 1)
        #expect(g == [2, -2, 0, 0])
        let scaled = LeaveOneOutEstimate.gradient(losses: [3, 1, 5, 5], scores: [1, 0, -1, 2, 7, 7, 7, 7], rows: 2, samples: 2,
                                                  scale: 0.5)
        #expect(scaled == [1, -1, 0, 0])
    }

    /// Sizes that do not fit, or a single sample (no baseline), give no estimate.
    @Test func mismatched_sizes_give_nothing() {
        #expect(LeaveOneOutEstimate.gradient(losses: [1, 2, 3], scores: [1, 2], rows: 1, samples: 2, scale: 1).isEmpty)
        #expect(LeaveOneOutEstimate.gradient(losses: [1], scores: [1], rows: 1, samples: 1, scale: 1).isEmpty)
    }
}
