/// Gamma(a, 1) deviates for shapes a ≥ 1, eight candidates at a time, by Marsaglia and
/// Tsang's method (ACM TOMS 26(3), 2000). Shapes below one use ``JohnkGammaSampler``.
///
/// Every step works on `SIMD8<Float>` lanes: uniforms from a ``UniformBlockGenerator``,
/// normals by Box–Muller (one eight-wide logarithm, square root and sine–cosine per sixteen),
/// the squeeze and, only when some lane needs it, the logarithmic acceptance test. The
/// arithmetic is single precision, like the noise it produces.
struct MarsagliaTsangSampler: GammaCandidateSource {
    private var uniforms: UniformBlockGenerator
    /// Marsaglia–Tsang's d = a − 1/3 and c = 1/√(9d).
    private let d, c: Float
    /// The second half of the last Box–Muller block's normals, not yet used.
    private var spareNormals: SIMD8<Float>?

    /// A sampler for Gamma(`shape`, 1), `shape` ≥ 1, drawing its 16 seed words from `generator`.
    init(shape: Double, seededFrom generator: inout SeededGenerator) {
        precondition(shape >= 1, "Marsaglia and Tsang's Gamma sampler needs shape ≥ 1")
        uniforms = UniformBlockGenerator(seededFrom: &generator)
        d = Float(shape - 1.0 / 3.0)
        c = Float(1 / (9 * (shape - 1.0 / 3.0)).squareRoot())
    }

    /// Writes 8 · `blocks` candidates, block by block.
    @inline(__always)
    mutating func fill(blocks: Int, into round: GammaRound) {
        for block in 0..<blocks {
            let (values, accepted) = nextCandidates()
            UnsafeMutableRawPointer(round.values + 8 * block).storeBytes(of: values, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(round.accepted + 8 * block)
                .storeBytes(of: unsafeBitCast(accepted, to: SIMD8<Int32>.self) & 1, as: SIMD8<Int32>.self)
        }
    }

    /// Eight candidate deviates and which of them were accepted.
    @inline(__always)
    private mutating func nextCandidates() -> (values: SIMD8<Float>, accepted: SIMDMask<SIMD8<Int32>>) {
        let x = nextNormals()
        var v = 1 + c * x
        // v ≤ 0 is a rejection of the method; a v³ below the normal range (probability
        // about 10⁻³⁰) is rejected too, so that its logarithm stays defined.
        var accepted = v .> 0
        v = v * v * v
        accepted .&= v .>= Float.leastNormalMagnitude
        let u = uniforms.nextUniform()
        let x2 = x * x
        let squeezed = u .< 1 - 0.0331 * (x2 * x2)
        let undecided = accepted .& .!squeezed
        if undecided.anyLane {
            let (logU, logV) = Self.logarithms(u, v.replacing(with: 1, where: .!accepted), where: undecided)
            let bound = 0.5 * x2 + d * (1 - v + logV)
            accepted = (accepted .& squeezed) .| (undecided .& (logU .< bound))
        }
        return (d * v, accepted)
    }

    /// log u and log v in the lanes of `mask` (elsewhere 0): one eight-wide logarithm of the
    /// packed u and v of each four-lane half that has a lane in `mask` — usually one half.
    @inline(__always)
    private static func logarithms(_ u: SIMD8<Float>, _ v: SIMD8<Float>, where mask: SIMDMask<SIMD8<Int32>>)
        -> (SIMD8<Float>, SIMD8<Float>) {
        let words = unsafeBitCast(mask, to: SIMD4<UInt64>.self)
        var logU = SIMD8<Float>(), logV = SIMD8<Float>()
        if words[0] | words[1] != 0 {
            let logs = fastLogarithm(SIMD8(lowHalf: u.lowHalf, highHalf: v.lowHalf))
            logU.lowHalf = logs.lowHalf
            logV.lowHalf = logs.highHalf
        }
        if words[2] | words[3] != 0 {
            let logs = fastLogarithm(SIMD8(lowHalf: u.highHalf, highHalf: v.highHalf))
            logU.highHalf = logs.lowHalf
            logV.highHalf = logs.highHalf
        }
        return (logU, logV)
    }

    /// Eight standard normal deviates by the Box–Muller transform, sixteen per step: the
    /// radius √(−2 log U) from one uniform block, the angle from another, whose 23 top bits
    /// give φ uniform in [−π/4, π/4) and two further bits a quarter turn q (the angle
    /// φ + qπ/2 is uniform on the circle). The sine half waits for the next call.
    @inline(__always)
    private mutating func nextNormals() -> SIMD8<Float> {
        if let spare = spareNormals {
            spareNormals = nil
            return spare
        }
        let radius = fastSquareRoot(-2 * fastLogarithm(uniforms.nextUniform()))
        let angleBits = uniforms.nextBits()
        let phi = (SIMD8<Float>(uniformFromMantissas: angleBits &>> 9) - 0.5) * (Float.pi / 2)
        let (sine, cosine) = fastSineCosine(phi)
        // A quarter turn: (cos, sin) → (−sin, cos), twice: (−cos, −sin), three times: (sin, −cos).
        let quarter = (angleBits &>> 7) & 3
        let swap = 0 &- (quarter & 1)
        let cosineBits = unsafeBitCast(cosine, to: SIMD8<UInt32>.self)
        let sineBits = unsafeBitCast(sine, to: SIMD8<UInt32>.self)
        let x = (cosineBits & ~swap) | (sineBits & swap) ^ (((quarter ^ (quarter &>> 1)) & 1) &<< 31)
        let y = (sineBits & ~swap) | (cosineBits & swap) ^ ((quarter &>> 1) &<< 31)
        spareNormals = radius * unsafeBitCast(y, to: SIMD8<Float>.self)
        return radius * unsafeBitCast(x, to: SIMD8<Float>.self)
    }
}
