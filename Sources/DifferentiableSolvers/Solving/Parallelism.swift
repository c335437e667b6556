/// How many worker threads a batched computation may use.
///
/// Results never depend on this setting: every row is computed independently, and random
/// streams are derived from the seed, the step and the row, never from the thread.
public struct Parallelism: Sendable, Hashable, Codable {
    /// The number of workers; 1 runs everything on the calling thread.
    public let threads: Int

    /// A fixed number of workers (values below 1 mean 1).
    public static func threads(_ count: Int) -> Parallelism { Parallelism(threads: max(1, count)) }

    /// Everything on the calling thread.
    public static let serial = Parallelism(threads: 1)

    /// One worker per active processor core.
    public static var automatic: Parallelism {
        Parallelism(threads: max(1, ProcessorCount.active))
    }

    private init(threads: Int) { self.threads = threads }
}
