/// The finite-difference scheme of the IMLE family (Niepert et al. 2021; Minervini et al.
/// 2023, "Forward and centred finite difference approximation").
///
/// With φ the maximisation parameters, ε a noise sample, λ the step and ∇ = ∂L/∂z:
/// * forward:  [MAP(φ + ε) − MAP(φ + ε − λ∇)] / λ  — reuses the forward sample;
/// * backward: [MAP(φ + ε + λ∇) − MAP(φ + ε)] / λ  — reuses the forward sample;
/// * central:  [MAP(φ + ε + λ∇) − MAP(φ + ε − λ∇)] / (2λ), a second-order approximation.
public enum DifferenceScheme: String, Sendable, Hashable, Codable, CaseIterable {
    /// One-sided difference towards lower loss (the original IMLE, Eq. 2 of the AIMLE paper).
    case forward
    /// One-sided difference towards higher loss.
    case backward
    /// Two-sided (centred) difference (Algorithm 1 of the AIMLE paper).
    case central
}
