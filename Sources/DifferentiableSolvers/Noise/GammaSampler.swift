/// Gamma(shape, 1) deviates eight candidates at a time, by Marsaglia and Tsang's method (ACM
/// TOMS 26(3), 2000), with the boost Gamma(a) = Gamma(a + 1) · U^{1/a} for shapes below one.
///
/// Every step works on `SIMD8<Float>` lanes: uniforms from a ``UniformBlockGenerator``,
/// normals by Box–Muller (one eight-wide logarithm, square root and sine–cosine per sixteen),
/// the squeeze and, only when some lane needs it, the logarithmic acceptance test, and the
/// boost's power as one eight-wide exponential (or a few multiplications when 1/a is a small
/// integer, the usual case k ∈ ℕ of Sum-of-Gamma noise). Rejection leaves a lane empty
/// instead of looping: ``nextCandidates()`` returns the block with its acceptance mask and
/// ``generate(_:)`` hands the accepted lanes on in lane order, so the deviates depend only
/// on the generator's state. The arithmetic is single precision, like the noise it produces:
/// deviates below the smallest normal `Float` (≈ 1.2 · 10⁻³⁸) come out as 0 — for shape 1/26
/// that is 3 % of them, which add less than 10⁻³⁸ to any Sum-of-Gamma value.
struct GammaSampler {
    private var uniforms: UniformBlockGenerator
    /// Marsaglia–Tsang's d = a′ − 1/3 and c = 1/√(9d) for a′ = a, or a + 1 when boosting.
    private let d, c: Float
    private let boost: Boost
    /// The second half of the last Box–Muller block's normals, not yet used.
    private var spareNormals: SIMD8<Float>?

    /// How U^{1/a} is computed for a shape a below one.
    private enum Boost {
        case none
        /// 1/a is an integer m ≤ 64: repeated squaring; uniforms below the m-th root of the
        /// smallest normal `Float` give 0, which keeps every intermediate power normal.
        case integerPower(exponent: Int, cutoff: Float)
        /// exp(log(U) / a).
        case general(inverseShape: Float)
    }

    /// A sampler for Gamma(`shape`, 1), `shape` > 0, drawing its 16 seed words from `generator`.
    init(shape: Double, seededFrom generator: inout SeededGenerator) {
        uniforms = UniformBlockGenerator(seededFrom: &generator)
        let boosted = shape < 1 ? shape + 1 : shape
        d = Float(boosted - 1.0 / 3.0)
        c = Float(1 / (9 * (boosted - 1.0 / 3.0)).squareRoot())
        if shape >= 1 {
            boost = .none
        } else if let exponent = Self.smallIntegerInverse(of: shape) {
            boost = .integerPower(exponent: exponent, cutoff: Float(_pow(Double(Float.leastNormalMagnitude), shape)))
        } else {
            boost = .general(inverseShape: Float(1 / shape))
        }
    }

    /// 1/`shape` when it is an integer up to 64 (to within rounding of the division).
    private static func smallIntegerInverse(of shape: Double) -> Int? {
        let inverse = 1 / shape
        guard inverse <= 64, abs(inverse - inverse.rounded()) <= 1e-9 * inverse else { return nil }
        return Int(inverse.rounded())
    }

    /// Calls `body` with accepted deviates, in order, until it returns `false`.
    @inline(__always)
    mutating func generate(_ body: (Float) -> Bool) {
        while true {
            let (values, accepted) = nextCandidates()
            for lane in 0..<8 where accepted[lane] {
                if !body(values[lane]) { return }
            }
        }
    }

    /// Eight candidate deviates and which of them were accepted.
    @inline(__always)
    mutating func nextCandidates() -> (values: SIMD8<Float>, accepted: SIMDMask<SIMD8<Int32>>) {
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
        return (applyBoost(d * v), accepted)
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

    /// Multiplies Gamma(a + 1) deviates by U^{1/a} when a < 1.
    @inline(__always)
    private mutating func applyBoost(_ values: SIMD8<Float>) -> SIMD8<Float> {
        switch boost {
        case .none:
            return values
        case .integerPower(let exponent, let cutoff):
            let u = uniforms.nextUniform()
            var base = u.replacing(with: 0, where: u .< cutoff)
            var power = SIMD8<Float>(repeating: 1)
            var remaining = exponent
            while true {
                if remaining & 1 == 1 { power *= base }
                remaining >>= 1
                if remaining == 0 { break }
                base *= base
            }
            return values * power
        case .general(let inverseShape):
            return values * fastExponential(fastLogarithm(uniforms.nextUniform()) * inverseShape)
        }
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
