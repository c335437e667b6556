#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// KL(Gumbel(θ, 1) ‖ Gumbel(0, 1)) = θ + e^(−θ) − 1 per edge weight: the divergence of the
/// encoder's perturbed edge weights from the prior that generated the trees (Paulus et al.
/// 2020 compute the ELBO's KL term on these weights). Summed over the n(n − 1)/2
/// undirected edges and divided by n, like the likelihood.
///
/// (The reference sums over the n(n − 1) directed copies of the symmetrised scores, which
/// counts each edge twice; we count each undirected weight once.)
///
/// ```swift
/// GumbelPriorDivergence.value(theta: [0, 0], vertexCount: 2)   // 0
/// ```
public enum GumbelPriorDivergence {
    /// The divergence of one row θ.
    public static func value(theta: ArraySlice<Float>, vertexCount: Int) -> Float {
        var total: Float = 0
        for t in theta { total += t + expf(-t) - 1 }
        return total / Float(vertexCount)
    }

    /// Its gradient, (1 − e^(−θ)) / n, times `scale`.
    public static func gradient(theta: ArraySlice<Float>, vertexCount: Int, scale: Float) -> [Float] {
        theta.map { scale * (1 - expf(-$0)) / Float(vertexCount) }
    }
}
