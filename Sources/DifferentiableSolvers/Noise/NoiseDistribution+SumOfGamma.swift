extension NoiseDistribution {
    /// ε = Σ_{t=1}^{T} G_t / t − (log T) / k with G_t ~ Gamma(1/k, 1), which is Eq. 5's
    /// (Σ_t Gamma(1/k, k/t) − log T) / k; see ``SumOfGammaFill`` for the order in which the
    /// deviates are used.
    func fillSumOfGamma(_ values: UnsafeMutableBufferPointer<Float>, k: Double, iterations: Int,
                        using generator: inout SeededGenerator) {
        guard !values.isEmpty else { return }
        guard configurationProblem == nil else {
            values.update(repeating: .nan)
            return
        }
        let fill = SumOfGammaFill(values: values, iterations: iterations, offset: Float(_log(Double(iterations)) / k))
        GammaSamplers.withSampler(shape: 1 / k, seededFrom: &generator, fill)
    }
}

/// Fills a buffer with Sum-of-Gamma values from a Gamma sampler's accepted deviates.
///
/// The accepted deviates are appended, in the order they were drawn, to a queue; every 8T
/// of them give eight values at once: value j of a group is Σ_t queue[8(t − 1) + j] / t,
/// one eight-wide multiply-add per t. The queue is filled in rounds (see
/// ``GammaCandidateSource``) of up to 64 blocks, as many as the values still to be filled
/// would need if every candidate were accepted, so that a round's tail candidates fill
/// whole vectors. Rounds do not change which candidates are drawn, only when; so the values
/// depend only on the generator's state and the buffer's length, and a shorter buffer gets
/// a prefix of a longer one's values (a short last group uses the first lanes of a full one).
struct SumOfGammaFill: GammaSamplerBody {
    /// Where the values go.
    let values: UnsafeMutableBufferPointer<Float>
    /// T.
    let iterations: Int
    /// (log T) / k.
    let offset: Float

    /// The most blocks in a round.
    static let roundBlocks = 64

    @inline(__always)
    func run<Sampler: GammaCandidateSource>(_ sampler: inout Sampler) {
        let groupSize = 8 * iterations
        // The queue holds fewer than 8T deviates before a round, and a round adds at most 8 · 64.
        let queueCapacity = groupSize + 8 * Self.roundBlocks
        let capacity = queueCapacity + GammaRound.words(blocks: Self.roundBlocks)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: capacity) { memory in
            let queue = memory.baseAddress!
            let round = GammaRound(blocks: Self.roundBlocks, in: UnsafeMutableRawPointer(queue + queueCapacity))
            var head = 0, queued = 0, index = 0
            while index < values.count {
                if queued - head < groupSize {
                    // Move the few deviates left to the front, then draw until a group is complete.
                    for j in 0 ..< queued - head { queue[j] = queue[head + j] }
                    queued -= head
                    head = 0
                    let groups = (values.count - index + 7) / 8
                    repeat {
                        let blocks = min(Self.roundBlocks, (groups * groupSize - queued + 7) / 8)
                        sampler.fill(blocks: blocks, into: round)
                        queued = Self.pack(round, blocks: blocks, onto: queue + queued) - queue
                    } while queued < groupSize
                }
                var sums = SIMD8<Float>()
                for t in 0..<iterations {
                    sums += UnsafeRawPointer(queue + head + 8 * t).loadUnaligned(as: SIMD8<Float>.self) / Float(t + 1)
                }
                sums -= offset
                let count = min(8, values.count - index)
                for lane in 0..<count { values[index + lane] = sums[lane] }
                index += count
                head += groupSize
            }
        }
    }

    /// Appends the accepted candidates of `round` at `end`, in order, and returns the new
    /// end. Four lanes at a time: when all four were accepted (half the time for k = 5) they
    /// are copied as one vector.
    @inline(__always)
    private static func pack(_ round: GammaRound, blocks: Int, onto end: UnsafeMutablePointer<Float>)
        -> UnsafeMutablePointer<Float> {
        var end = end
        for block in 0 ..< blocks {
            packQuarter(round, from: 8 * block, onto: &end)
            packQuarter(round, from: 8 * block + 4, onto: &end)
        }
        return end
    }

    /// Appends the accepted ones of the four candidates from `start`.
    @inline(__always)
    private static func packQuarter(_ round: GammaRound, from start: Int, onto end: inout UnsafeMutablePointer<Float>) {
        let flags = UnsafeRawPointer(round.accepted + start).loadUnaligned(as: SIMD4<Int32>.self)
        if flags == SIMD4(repeating: 1) {
            UnsafeMutableRawPointer(end).storeBytes(
                of: UnsafeRawPointer(round.values + start).loadUnaligned(as: SIMD4<Float>.self), as: SIMD4<Float>.self)
            end += 4
        } else {
            for i in start ..< start + 4 {
                end.pointee = round.values[i]
                end += Int(round.accepted[i])
            }
        }
    }
}
