#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The continuous part of the semi-supervised VAE's latent: a diagonal Gaussian posterior
/// N(μ, diag σ²) with σ² = exp(log σ²), sampled by reparameterisation z = μ + σ ⊙ e with
/// e ~ N(0, I), and its analytic KL to the standard normal prior,
/// KL = ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1) (Kingma and Welling 2014, Appendix B; the
/// direct-optimisation code's `kl_gaussian`).
///
/// All arrays are flat and of equal length (rows × D); the functions are pure, so that
/// their gradients can be checked against finite differences.
///
/// ```swift
/// let z = GaussianLatent.sample(mean: mu, logVariance: logVar, noise: e)
/// let (kl, dMean, dLogVariance) = GaussianLatent.klToStandardNormal(mean: mu, logVariance: logVar)
/// ```
public enum GaussianLatent {
    /// z = μ + exp(½ log σ²) ⊙ e.
    ///
    /// - Complexity: O(mean.count).
    public static func sample(mean: [Float], logVariance: [Float], noise: [Float]) -> [Float] {
        zip(zip(mean, logVariance), noise).map { pair, e in pair.0 + expf(0.5 * pair.1) * e }
    }

    /// The pullback of ``sample(mean:logVariance:noise:)``: given ∂L/∂z, returns ∂L/∂μ = ∂L/∂z and
    /// ∂L/∂log σ² = ∂L/∂z ⊙ e ⊙ ½ exp(½ log σ²).
    ///
    /// - Complexity: O(mean.count).
    public static func samplePullback(_ dz: [Float], logVariance: [Float], noise: [Float])
        -> (dMean: [Float], dLogVariance: [Float]) {
        let dLogVariance = (0..<dz.count).map { j in dz[j] * noise[j] * 0.5 * expf(0.5 * logVariance[j]) }
        return (dz, dLogVariance)
    }

    /// The KL divergence to N(0, I) summed over all entries, and its gradients
    /// ∂/∂μ = μ and ∂/∂log σ² = ½ (σ² − 1).
    ///
    /// - Complexity: O(mean.count).
    public static func klToStandardNormal(mean: [Float], logVariance: [Float])
        -> (value: Double, dMean: [Float], dLogVariance: [Float]) {
        var value = 0.0
        var dLogVariance = [Float](repeating: 0, count: logVariance.count)
        for j in mean.indices {
            let variance = expf(logVariance[j])
            value += 0.5 * Double(mean[j] * mean[j] + variance - logVariance[j] - 1)
            dLogVariance[j] = 0.5 * (variance - 1)
        }
        return (value, mean, dLogVariance)
    }
}
