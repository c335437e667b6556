#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps unconstrained network outputs to the non-negative pairwise weights a
/// ``GraphCutSolver`` requires, and carries gradients back through that map.
///
/// A network that predicts pairwise weights cannot promise wᵢⱼ ≥ 0, and graph cuts are
/// exact only for supermodular interactions. Lorberbom et al. (2019, "Direct Optimization
/// through arg max for Discrete Variational Auto-Encoder", §5) enforce this with the
/// softplus transfer function w = log(1 + eᵃ) on the raw output a; this type provides it
/// and its derivative σ(a) = 1 / (1 + e⁻ᵃ) for the backward pass (∂L/∂a = ∂L/∂w · σ(a)).
///
/// ```swift
/// let raw: [Float] = [-3, 0, 2]
/// let weights = raw.map(SupermodularProjection.softplus)        // [0.0486, 0.693, 2.127]
/// let slopes = raw.map(SupermodularProjection.softplusDerivative) // [0.047, 0.5, 0.881]
/// ```
///
/// ``GraphCutSolver/projectingPairwiseWeights(of:)`` applies it to the weight block of a
/// whole θ.
public enum SupermodularProjection {
    /// softplus(a) = log(1 + eᵃ) > 0, computed without overflow as max(a, 0) + log1p(e^−|a|).
    ///
    /// - Parameter raw: any finite value.
    /// - Returns: a positive weight (it underflows to 0 only for a below about −103).
    public static func softplus(_ raw: Float) -> Float {
        max(raw, 0) + log1pf(expf(-abs(raw)))
    }

    /// The derivative of ``softplus(_:)``: the logistic function σ(a) ∈ (0, 1).
    public static func softplusDerivative(_ raw: Float) -> Float {
        raw >= 0 ? 1 / (1 + expf(-raw)) : expf(raw) / (1 + expf(raw))
    }
}
