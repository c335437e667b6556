/// Gamma(a, 1) deviates for shapes 0 < a < 1 by Ahrens and Dieter's rejection method GS
/// (J. H. Ahrens and U. Dieter, "Computer methods for sampling from gamma, beta, Poisson and
/// binomial distributions", Computing 12, 1974), eight candidates at a time.
///
/// The envelope of x^{a−1} e^{−x} is x^{a−1} on (0, 1] and e^{−x} beyond, of masses 1/a and
/// 1/e. With b = 1 + a/e and P = b U₁, a candidate is X = P^{1/a} when P ≤ 1 (the head,
/// kept when U₂ ≤ e^{−X}) and X = −log((b − P)/a) = 1 + Exp(1) otherwise (the tail, kept
/// when U₂ ≤ X^{a−1}); the acceptance rate is Γ(a) / (1/a + 1/e): 0.86 for a = 1/5, 0.96
/// for a = 1/26, at least 0.73.
///
/// The head needs no transcendental function: P^{1/a} is a few multiplications when 1/a is
/// a small integer (the usual k ∈ ℕ of Sum-of-Gamma noise), and since
/// 1 − X + X²/2 − X³/6 ≤ e^{−X} ≤ 1 − X + X²/2 − X³/6 + X⁴/24 for X ≥ 0, only
/// U₂ between the two bounds (probability below 1/500 for a = 1/5) needs e^{−X}. The tail
/// (a fraction a/(e + a) of the candidates, 7 % for a = 1/5) needs a logarithm, and two
/// more where rational squeezes of X^{a−1} do not decide; its candidates are set aside and finished eight at a time at the end of the round, so the
/// vector lanes stay full. Candidates keep their places, so the accepted values, in order,
/// are independent draws whatever mixture of head and tail they come from.
///
/// The arithmetic is single precision: a head deviate below the smallest normal `Float`
/// (≈ 1.2 · 10⁻³⁸; for a = 1/26 that is 3 % of them) comes out as 0, which adds nothing
/// measurable to a Sum-of-Gamma value.
struct AhrensDieterSampler: GammaCandidateSource {
    private var uniforms: UniformBlockGenerator
    /// How P^{1/a} is computed.
    private let power: Power
    /// b = 1 + a/e, b/a and 1 − a.
    private let b, bOverA, complement: Float

    /// How P^{1/a} is computed.
    private enum Power {
        /// 1/a is an integer m ≤ 64: repeated squaring; P below the m-th root of the
        /// smallest normal `Float` gives 0, which keeps every intermediate power normal.
        case integer(exponent: Int, cutoff: Float)
        /// exp(log(P) / a) (0 below e⁻⁸⁷).
        case general(inverseShape: Float)
    }

    /// A sampler for Gamma(`shape`, 1), 0 < `shape` < 1, drawing its 16 seed words from
    /// `generator`.
    init(shape: Double, seededFrom generator: inout SeededGenerator) {
        precondition(shape > 0 && shape < 1, "Ahrens and Dieter's Gamma sampler needs 0 < shape < 1")
        uniforms = UniformBlockGenerator(seededFrom: &generator)
        let bDouble = 1 + shape / _exp(1)
        b = Float(bDouble)
        bOverA = Float(bDouble / shape)
        complement = Float(1 - shape)
        if let exponent = Self.smallIntegerInverse(of: shape) {
            power = .integer(exponent: exponent, cutoff: Float(_pow(Double(Float.leastNormalMagnitude), shape)))
        } else {
            power = .general(inverseShape: Float(1 / shape))
        }
    }

    /// 1/`shape` when it is an integer up to 64 (to within rounding of the division).
    private static func smallIntegerInverse(of shape: Double) -> Int? {
        let inverse = 1 / shape
        guard inverse <= 64, abs(inverse - inverse.rounded()) <= 1e-9 * inverse else { return nil }
        return Int(inverse.rounded())
    }

    /// Writes 8 · `blocks` candidates: the head ones block by block, the tail ones at the end.
    @inline(__always)
    mutating func fill(blocks: Int, into round: GammaRound) {
        let firstUniforms = round.scratch.bindMemory(to: Float.self, capacity: 8 * blocks)
        let secondUniforms = (round.scratch + 32 * blocks).bindMemory(to: Float.self, capacity: 8 * blocks)
        let tailIndices = (round.scratch + 64 * blocks).bindMemory(to: Int32.self, capacity: 8 * blocks)
        // The uniforms first, in a loop of their own that keeps the generator's state in
        // registers; the tail candidates read theirs back at the end of the round.
        var generator = uniforms
        for block in 0..<blocks {
            UnsafeMutableRawPointer(firstUniforms + 8 * block).storeBytes(of: generator.nextUniform(), as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(secondUniforms + 8 * block).storeBytes(of: generator.nextUniform(), as: SIMD8<Float>.self)
        }
        uniforms = generator
        var tails = 0
        for block in 0..<blocks {
            let u1 = UnsafeRawPointer(firstUniforms + 8 * block).loadUnaligned(as: SIMD8<Float>.self)
            let u2 = UnsafeRawPointer(secondUniforms + 8 * block).loadUnaligned(as: SIMD8<Float>.self)
            let p = b * u1
            let x = Self.headPower(p, power)
            // 1 − x + x²/2 − x³/6 and that plus x⁴/24, below and above e^{−x}.
            let lower = 1 - x * (1 - x * (0.5 - x * (1 / 6 as Float)))
            let upper = lower + (x * x) * (x * x) * (1 / 24 as Float)
            let head = p .<= 1
            var accepted = head .& (u2 .<= lower)
            let undecided = head .& (u2 .> lower) .& (u2 .<= upper)
            if undecided.anyLane {
                accepted .|= undecided .& (u2 .<= fastExponential(-x))
            }
            UnsafeMutableRawPointer(round.values + 8 * block).storeBytes(of: x, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(round.accepted + 8 * block)
                .storeBytes(of: unsafeBitCast(accepted, to: SIMD8<Int32>.self) & 1, as: SIMD8<Int32>.self)
            let tail = .!head
            if tail.anyLane {
                var lanes = (unsafeBitCast(tail, to: SIMD8<UInt32>.self) & SIMD8(1, 2, 4, 8, 16, 32, 64, 128)).wrappedSum()
                while lanes != 0 {
                    tailIndices[tails] = Int32(8 * block) + Int32(lanes.trailingZeroBitCount)
                    tails += 1
                    lanes &= lanes - 1
                }
            }
        }
        finishTails(tailIndices, count: tails, firstUniforms: firstUniforms, secondUniforms: secondUniforms,
                    scratch: round.scratch + 96 * blocks, round: round)
    }

    /// Decides the tail candidates at `indices`, eight at a time: X = −log((b/a)(1 − U₁))
    /// (1 − U₁ is exact), kept when U₂ ≤ X^{a−1}, that is log U₂ ≤ −(1 − a) log X.
    @inline(__always)
    private func finishTails(_ indices: UnsafeMutablePointer<Int32>, count: Int, firstUniforms: UnsafeMutablePointer<Float>,
                             secondUniforms: UnsafeMutablePointer<Float>, scratch: UnsafeMutableRawPointer, round: GammaRound) {
        let gathered = scratch.bindMemory(to: Float.self, capacity: 32)
        let kept = (scratch + 96).bindMemory(to: Int32.self, capacity: 8)
        var start = 0
        while start < count {
            let lanes = min(8, count - start)
            // Unused lanes repeat the last candidate, so every lane holds valid uniforms.
            for lane in 0..<8 {
                let index = Int(indices[start + min(lane, lanes - 1)])
                gathered[lane] = firstUniforms[index]
                gathered[8 + lane] = secondUniforms[index]
            }
            let u1 = UnsafeRawPointer(gathered).loadUnaligned(as: SIMD8<Float>.self)
            let u2 = UnsafeRawPointer(gathered + 8).loadUnaligned(as: SIMD8<Float>.self)
            let x = -fastLogarithm(bOverA * (1 - u1))
            // Squeezes for x^{−c}, c = 1 − a, x ≥ 1: x^c ≤ 1 + c(x − 1) (Bernoulli) below it, and
            // e^{−y} ≤ 1/(1 + y) with log x ≥ 2(x − 1)/(x + 1) above; the logarithms only
            // when some lane falls between.
            let excess = x - 1
            var accepted = u2 * (1 + complement * excess) .<= 1
            let undecided = .!accepted .& (u2 * (x + 1 + 2 * complement * excess) .<= x + 1)
            if undecided.anyLane {
                accepted .|= undecided .& (fastLogarithm(u2) .<= -complement * fastLogarithm(x))
            }
            UnsafeMutableRawPointer(gathered + 16).storeBytes(of: x, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(kept).storeBytes(of: unsafeBitCast(accepted, to: SIMD8<Int32>.self) & 1, as: SIMD8<Int32>.self)
            for lane in 0..<lanes {
                let index = Int(indices[start + lane])
                round.values[index] = gathered[16 + lane]
                round.accepted[index] = kept[lane]
            }
            start += 8
        }
    }

    /// P^{1/a}. A static function of `power` alone: as a method it would copy the sampler
    /// whenever the optimiser declines to inline it.
    @inline(__always)
    private static func headPower(_ p: SIMD8<Float>, _ power: Power) -> SIMD8<Float> {
        switch power {
        case .integer(let exponent, let cutoff):
            // k = 5, PyEPO's default, without the loop's branches or the cutoff: P > 2⁻²⁴
            // (the smallest uniform is 2⁻²⁴ and b > 1), so P⁵ > 2⁻¹²⁰ is a normal Float.
            if exponent == 5 {
                let square = p * p
                return square * square * p
            }
            var base = p.replacing(with: 0, where: p .< cutoff)
            var result = exponent & 1 == 1 ? base : SIMD8(repeating: 1)
            var remaining = exponent >> 1
            while remaining != 0 {
                base *= base
                if remaining & 1 == 1 { result *= base }
                remaining >>= 1
            }
            return result
        case .general(let inverseShape):
            return fastExponential(fastLogarithm(p) * inverseShape)
        }
    }
}
