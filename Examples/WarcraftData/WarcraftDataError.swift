/// A Warcraft data directory or generator request that cannot be used: a missing file, a
/// file of the wrong shape or type, inconsistent instance counts, or a bad size.
public struct WarcraftDataError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, naming the file when there is one.
    public let description: String

    init(_ description: String) { self.description = description }
}
