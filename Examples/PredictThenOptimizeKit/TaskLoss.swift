/// The loss a solver-in-the-loop method puts on the decisions ŵ it gets back.
public enum TaskLoss: String, Sendable, Hashable, Codable, CaseIterable {
    /// mean over instances of |⟨ŵ, c⟩ − z*| (PyEPO's pairing for DBB and NID).
    case regret
    /// mean over all entries of |ŵ − w*| (PyEPO's pairing for I-MLE and AI-MLE).
    case solutionL1 = "solution-l1"
}
