/// The held-out scores of a latent-graph model, per example averaged over a split.
public struct LatentGraphEvaluation: Sendable, Hashable, Codable {
    /// The evidence lower bound −(NLL + KL), per vertex as in the reference.
    public let elbo: Double
    /// The Gaussian negative log-likelihood of the next positions.
    public let negativeLogLikelihood: Double
    /// The KL term.
    public let divergence: Double
    /// Edge recovery of a tree sampled by perturb-and-MAP (the reference's metric).
    public let sampled: EdgeRecovery
    /// Edge recovery of the MAP tree of the unperturbed scores.
    public let mode: EdgeRecovery
    /// Edge recovery of the complement of the sampled tree (the 36 edges it leaves out).
    public let complement: EdgeRecovery

    /// The reference's reported figure: its decoder has an "edge" and a "no edge" message
    /// type, and either may end up meaning "edge", so Paulus et al. (2020) score both the
    /// sampled tree and its complement and report the one with the higher mean precision.
    public var bestChannel: EdgeRecovery {
        complement.precision > sampled.precision ? complement : sampled
    }
}
