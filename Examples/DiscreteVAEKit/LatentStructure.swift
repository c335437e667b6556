import CombinatorialSolvers
import DifferentiableSolvers
import _ExampleSupport

/// The discrete latent space of a VAE: `blocks` independent blocks of `blockSize` binary
/// entries, each with exactly `k` ones — N categorical variables with K classes when k = 1
/// (Lorberbom et al. 2019), the k-subset latents of the IMLE and AIMLE papers otherwise.
///
/// ```swift
/// let latent = try LatentStructure(parsing: "20x10")        // 20 categorical variables, 10 classes
/// let subset = try LatentStructure(parsing: "20x20k10")     // 20 blocks, 10-subsets of 20
/// ```
public struct LatentStructure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number of blocks N.
    public let blocks: Int
    /// The entries per block K.
    public let blockSize: Int
    /// The ones per block (1: categorical).
    public let k: Int

    /// Creates a structure.
    ///
    /// - Throws: ``ExampleError`` unless blocks ≥ 1, 1 ≤ k < blockSize and N · K ≤
    ///   ``maximumVariableCount``.
    public init(blocks: Int, blockSize: Int, k: Int = 1) throws(ExampleError) {
        guard blocks >= 1, blockSize >= 2, k >= 1, k < blockSize else {
            throw ExampleError("a latent needs N ≥ 1 blocks of K ≥ 2 entries with 1 ≤ k < K (got \(blocks)×\(blockSize), k = \(k))")
        }
        let (count, overflow) = blocks.multipliedReportingOverflow(by: blockSize)
        guard !overflow, count <= Self.maximumVariableCount else {
            throw ExampleError("a latent of \(blocks)×\(blockSize) entries is larger than \(Self.maximumVariableCount)")
        }
        self.blocks = blocks
        self.blockSize = blockSize
        self.k = k
    }

    /// Parses `NxK` (categorical) or `NxKkM` (M-subsets), e.g. `1x10`, `20x20k10`.
    ///
    /// - Throws: ``ExampleError`` for any other text.
    public init(parsing text: String) throws(ExampleError) {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let blocks = Int(parts[0]) else {
            throw ExampleError("latent '\(text)' is not NxK or NxKkM (e.g. 1x10, 20x20k10)")
        }
        let sizes = parts[1].split(separator: "k", omittingEmptySubsequences: false)
        guard (1...2).contains(sizes.count), let blockSize = Int(sizes[0]) else {
            throw ExampleError("latent '\(text)' is not NxK or NxKkM (e.g. 1x10, 20x20k10)")
        }
        var k = 1
        if sizes.count == 2 {
            guard let subset = Int(sizes[1]) else { throw ExampleError("latent '\(text)': '\(sizes[1])' is not a subset size") }
            k = subset
        }
        try self.init(blocks: blocks, blockSize: blockSize, k: k)
    }

    /// The largest N · K a latent may have.
    public static let maximumVariableCount = 1_000_000

    /// The length n = N · K of θ and z.
    public var variableCount: Int { blocks * blockSize }
    /// Whether every block is one-hot.
    public var isCategorical: Bool { k == 1 }

    /// The MAP oracle of the latent: the top k of every block.
    public func solver() throws(ExampleError) -> BlockTopK {
        do { return try BlockTopK(blockSize: blockSize, k: k, blocks: blocks) } catch {
            throw ExampleError("cannot build the latent solver: \(error)")
        }
    }

    /// The perturbation of the papers: Gumbel for one-hot blocks, Sum-of-Gamma(k, 10) for
    /// k-subsets (Niepert et al. 2021).
    public var defaultNoise: NoiseDistribution { isCategorical ? .gumbel : .sumOfGamma(k: Double(k), iterations: 10) }

    public var description: String { isCategorical ? "\(blocks)x\(blockSize)" : "\(blocks)x\(blockSize)k\(k)" }
}
