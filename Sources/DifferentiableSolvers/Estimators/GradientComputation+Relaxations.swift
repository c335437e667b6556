#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GradientComputation {
    /// Straight-through Gumbel-softmax: per block, y = softmax((φ + τε) / t) and
    /// ∂L/∂φ = y ⊙ (∂L/∂z − ⟨y, ∂L/∂z⟩) / t, the Jacobian of the relaxed sample.
    func gumbelSoftmax(temperature t: Float, blockSize: Int) throws(LayerError) -> Matrix {
        let n = self.n, count = sampleCount
        guard n % blockSize == 0 else {
            throw LayerError(.invalidConfiguration, "Gumbel-softmax: \(n) variables do not split into blocks of \(blockSize)")
        }
        var gradient = [Float](repeating: 0, count: tape.batchSize * n)
        var soft = [Double](repeating: 0, count: blockSize)
        let scale = Double(sign * sampleReduction) / Double(t)
        for b in 0..<tape.batchSize {
            for s in 0..<count {
                let sample = b * count + s
                let dy = upstreamOffset(row: b, sample: s)
                for block in stride(from: 0, to: n, by: blockSize) {
                    var top = -Double.infinity
                    for j in 0..<blockSize {
                        let logit = (Double(sign) * Double(tape.theta.values[b * n + block + j])
                            + Double(forwardTemperature) * Double(tape.noise.values[sample * n + block + j])) / Double(t)
                        soft[j] = logit
                        top = max(top, logit)
                    }
                    var total = 0.0
                    for j in 0..<blockSize { soft[j] = exp(soft[j] - top); total += soft[j] }
                    var inner = 0.0
                    for j in 0..<blockSize { soft[j] /= total; inner += soft[j] * Double(upstream.values[dy + block + j]) }
                    for j in 0..<blockSize {
                        gradient[b * n + block + j] += Float(scale * soft[j] * (Double(upstream.values[dy + block + j]) - inner))
                    }
                }
            }
        }
        return Matrix(rows: tape.batchSize, columns: n, values: gradient)
    }

    /// The perturbed optimiser's Stein estimate ∇θ = E[(⟨z, ∂L/∂y⟩ − baseline) ∇ν(Z)] / σ,
    /// with Z = sense · ε the effective θ-space noise (see ``PerturbedOptimizerConfiguration``).
    func perturbedOptimizer(_ configuration: PerturbedOptimizerConfiguration,
                            noise: NoiseDistribution) throws(LayerError) -> Matrix {
        let n = self.n, count = sampleCount
        let gradientOfNu: (Float) -> Double
        switch noise {
        case .normal: gradientOfNu = { Double($0) }
        case .gumbel where !configuration.multiplicative: gradientOfNu = { 1 - exp(-Double($0)) }
        default:
            throw LayerError(.invalidConfiguration,
                             "the perturbed optimiser needs normal noise (or Gumbel noise, additive form only)")
        }
        guard forwardTemperature > 0 else {
            throw LayerError(.invalidConfiguration, "the perturbed optimiser needs a forward temperature σ > 0")
        }
        if configuration.leaveOneOutBaseline && count < 2 {
            throw LayerError(.invalidConfiguration, "a leave-one-out baseline needs at least 2 samples")
        }
        let samples = tape.samples.values, epsilon = tape.noise.values, theta = tape.theta.values
        var gradient = [Float](repeating: 0, count: tape.batchSize * n)
        var sum = [Double](repeating: 0, count: n)
        let sigma = Double(forwardTemperature)
        for b in 0..<tape.batchSize {
            for j in 0..<n { sum[j] = 0 }
            for s in 0..<count { for j in 0..<n { sum[j] += Double(samples[(b * count + s) * n + j]) } }
            for s in 0..<count {
                let sample = b * count + s, dy = upstreamOffset(row: b, sample: s)
                var value = 0.0, others = 0.0
                for j in 0..<n {
                    let z = Double(samples[sample * n + j]), g = Double(upstream.values[dy + j])
                    value += z * g
                    others += (sum[j] - z) * g
                }
                let advantage = configuration.leaveOneOutBaseline ? value - others / Double(count - 1) : value
                for j in 0..<n {
                    // θ-space noise Z = sense · ε, so ∇ν_Z(Z) = sense · ∇ν(ε).
                    var weight = Double(sign) * gradientOfNu(epsilon[sample * n + j]) / sigma
                    if configuration.multiplicative { weight /= Double(theta[b * n + j]) }
                    gradient[b * n + j] += Float(Double(sampleReduction) * advantage * weight)
                }
            }
        }
        return Matrix(rows: tape.batchSize, columns: n, values: gradient)
    }
}
