#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Straight-through Gumbel-softmax (Jang et al. 2017) for one-hot blocks: a relaxation
/// baseline.
///
/// **Target distribution.** None: the forward pass keeps the hard one-hot sample; the backward
/// pass uses the Jacobian of the relaxed sample y = softmax((φ + τε) / t) within each block
/// of ``blockSize`` entries, ∂L/∂φ = y ⊙ (∂L/∂z − ⟨y, ∂L/∂z⟩) / t.
///
/// ```swift
/// let estimator: any GradientEstimator = .gumbelSoftmax(temperature: 0.5, blockSize: 10)
/// ```
public struct GumbelSoftmax: GradientEstimator, Hashable, Codable {
    /// The softmax temperature t > 0.
    public var temperature: Float
    /// The entries per one-hot block.
    public var blockSize: Int

    /// Creates the estimator.
    public init(temperature: Float, blockSize: Int) {
        self.temperature = temperature
        self.blockSize = blockSize
    }

    /// "Gumbel-softmax (t = …)".
    public var name: String { "Gumbel-softmax (t = \(temperature))" }

    /// Why the settings cannot work, or `nil`.
    public var configurationProblem: String? {
        if !(temperature > 0) || !temperature.isFinite { "Gumbel-softmax needs a temperature > 0 (got \(temperature))" }
        else if blockSize < 1 { "Gumbel-softmax needs blocks of at least one entry (got \(blockSize))" }
        else { nil }
    }

    /// The Jacobian–vector product of the relaxed sample.
    ///
    /// - Throws: ``LayerError`` when the variables do not split into blocks.
    public func backward<Solver: MAPSolver>(_ pass: BackwardPass<Solver>, state: inout Void,
                                            context: BackwardContext) throws(LayerError) -> BackwardEstimate {
        let n = pass.variableCount, count = pass.sampleCount, blockSize = self.blockSize, t = temperature
        guard n % blockSize == 0 else {
            throw LayerError(.invalidConfiguration, "Gumbel-softmax: \(n) variables do not split into blocks of \(blockSize)")
        }
        let theta = pass.theta.values, noise = pass.noise, upstream = pass.upstream
        let sign = pass.sign, forwardTemperature = pass.forwardTemperature
        var gradient = [Float](repeating: 0, count: pass.batchSize * n)
        var soft = [Double](repeating: 0, count: blockSize)
        let scale = Double(sign * pass.sampleReduction) / Double(t)
        for b in 0..<pass.batchSize {
            for s in 0..<count {
                for block in stride(from: 0, to: n, by: blockSize) {
                    var top = -Double.infinity
                    for j in 0..<blockSize {
                        let logit = (Double(sign) * Double(theta[b * n + block + j])
                            + Double(forwardTemperature) * Double(noise[row: b, sample: s, column: block + j])) / Double(t)
                        soft[j] = logit
                        top = max(top, logit)
                    }
                    var total = 0.0
                    for j in 0..<blockSize { soft[j] = exp(soft[j] - top); total += soft[j] }
                    var inner = 0.0
                    for j in 0..<blockSize {
                        soft[j] /= total
                        inner += soft[j] * Double(upstream[row: b, sample: s, column: block + j])
                    }
                    for j in 0..<blockSize {
                        let dy = Double(upstream[row: b, sample: s, column: block + j])
                        gradient[b * n + block + j] += Float(scale * soft[j] * (dy - inner))
                    }
                }
            }
        }
        return BackwardEstimate(gradient: Matrix(rows: pass.batchSize, columns: n, values: gradient))
    }
}

extension GradientEstimator where Self == GumbelSoftmax {
    /// Straight-through Gumbel-softmax with `temperature` over blocks of `blockSize` entries.
    public static func gumbelSoftmax(temperature: Float, blockSize: Int) -> GumbelSoftmax {
        GumbelSoftmax(temperature: temperature, blockSize: blockSize)
    }
}
