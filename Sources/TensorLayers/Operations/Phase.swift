/// Whether a model is being trained or used for inference.
///
/// Batch normalisation normalises with the batch's statistics (and updates its running
/// statistics) in ``training``, and with the running statistics in ``inference``.
///
/// ```swift
/// let logits = model(images, phase: .training)
/// ```
public enum Phase: Sendable, Hashable {
    /// Batch statistics, running statistics updated.
    case training
    /// Running statistics, nothing updated.
    case inference
}
