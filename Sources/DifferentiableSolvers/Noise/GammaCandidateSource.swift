/// A sampler of Gamma(shape, 1) deviates that works in rounds of eight-lane candidate
/// blocks, each candidate either accepted or rejected (rejection leaves a slot empty instead
/// of looping).
///
/// The two conformers split the shapes: ``AhrensDieterSampler`` for 0 < a < 1 (the shapes
/// 1/k of Sum-of-Gamma noise with k > 1) and ``MarsagliaTsangSampler`` for a ≥ 1. Use
/// ``GammaSamplers/withSampler(shape:seededFrom:_:)`` to get the right one.
protocol GammaCandidateSource {
    /// Writes 8 · `blocks` candidates to `round`, in the order they were drawn: each one's
    /// value and whether it was accepted (1) or not (0). Which candidates are accepted
    /// depends on nothing but their own random numbers, so the accepted values, in order,
    /// are independent draws.
    mutating func fill(blocks: Int, into round: GammaRound)
}

/// The memory of one round of a ``GammaCandidateSource``: the candidates' values and
/// acceptance, and scratch space for the sampler.
struct GammaRound {
    /// 8 · blocks values.
    let values: UnsafeMutablePointer<Float>
    /// 8 · blocks flags, 1 for an accepted candidate and 0 otherwise.
    let accepted: UnsafeMutablePointer<Int32>
    /// ``scratchWords(blocks:)`` 32-bit words for the sampler.
    let scratch: UnsafeMutableRawPointer

    /// The scratch space a round of `blocks` blocks needs, in 32-bit words.
    static func scratchWords(blocks: Int) -> Int { 24 * blocks + 32 }

    /// The 32-bit words a round of `blocks` blocks needs in all (values, flags and scratch).
    static func words(blocks: Int) -> Int { 16 * blocks + scratchWords(blocks: blocks) }

    /// A round laid out in `memory`, which holds ``words(blocks:)`` 32-bit words.
    init(blocks: Int, in memory: UnsafeMutableRawPointer) {
        values = memory.bindMemory(to: Float.self, capacity: 8 * blocks)
        accepted = (memory + 32 * blocks).bindMemory(to: Int32.self, capacity: 8 * blocks)
        scratch = memory + 64 * blocks
    }
}

extension GammaCandidateSource {
    /// Calls `body` with accepted deviates, in order, until it returns `false`.
    mutating func generate(_ body: (Float) -> Bool) {
        let blocks = 16
        withUnsafeTemporaryAllocation(of: Float.self, capacity: GammaRound.words(blocks: blocks)) { memory in
            let round = GammaRound(blocks: blocks, in: UnsafeMutableRawPointer(memory.baseAddress!))
            while true {
                fill(blocks: blocks, into: round)
                for i in 0..<8 * blocks where round.accepted[i] != 0 {
                    if !body(round.values[i]) { return }
                }
            }
        }
    }
}

/// A generic consumer of a ``GammaCandidateSource``, so that one function body can be
/// specialised for either sampler.
protocol GammaSamplerBody {
    /// What the body returns.
    associatedtype Result
    /// Runs the body with a sampler.
    func run<Sampler: GammaCandidateSource>(_ sampler: inout Sampler) -> Result
}

/// Chooses the Gamma sampler for a shape.
enum GammaSamplers {
    /// Runs `body` with a sampler of Gamma(`shape`, 1), `shape` > 0, seeded by 16 outputs
    /// of `generator`: Ahrens and Dieter's method below 1, Marsaglia and Tsang's from 1 on.
    @inline(__always)
    static func withSampler<Body: GammaSamplerBody>(shape: Double, seededFrom generator: inout SeededGenerator,
                                                   _ body: Body) -> Body.Result {
        if shape < 1 {
            var sampler = AhrensDieterSampler(shape: shape, seededFrom: &generator)
            return body.run(&sampler)
        } else {
            var sampler = MarsagliaTsangSampler(shape: shape, seededFrom: &generator)
            return body.run(&sampler)
        }
    }
}
