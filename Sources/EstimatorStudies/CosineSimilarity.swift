import DifferentiableSolvers

/// The cosine of the angle between two vectors, ⟨a, b⟩ / max(‖a‖ ‖b‖, ε).
///
/// The measure of gradient fidelity in the IMLE and AIMLE papers (estimate vs exact
/// gradient). ε (10⁻⁸ by default) keeps a zero vector from dividing by zero: its similarity
/// to anything is 0.
///
/// ```swift
/// try cosineSimilarity([1, 0], [1, 1])     // 0.7071…
/// ```
///
/// - Throws: `SolverError` (`.shapeMismatch`) when the lengths differ.
public func cosineSimilarity<A: BinaryFloatingPoint, B: BinaryFloatingPoint>(
    _ a: [A], _ b: [B], epsilon: Double = 1e-8
) throws(SolverError) -> Double {
    guard a.count == b.count else {
        throw SolverError(.shapeMismatch, "cosine similarity of vectors of lengths \(a.count) and \(b.count)")
    }
    var dot = 0.0, normA = 0.0, normB = 0.0
    for (x, y) in zip(a, b) {
        let x = Double(x), y = Double(y)
        dot += x * y
        normA += x * x
        normB += y * y
    }
    return dot / max((normA * normB).squareRoot(), epsilon)
}
