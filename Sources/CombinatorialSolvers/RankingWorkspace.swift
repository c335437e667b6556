/// Scratch memory of one worker of ``Ranking``: one packed (score, index) key per entry,
/// sized on first use and reused for every later row of the same length.
///
/// You do not create it yourself: ``Ranking/makeWorkspace()`` does, and
/// `solveBatch(_:parallelism:)` hands one to each worker.
public struct RankingWorkspace: Sendable {
    /// The keys being sorted, as a heap.
    var keys: [UInt64] = []
}
