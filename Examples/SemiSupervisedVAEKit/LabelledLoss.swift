import DifferentiableSolvers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How labelled images enter the objective of the semi-supervised VAE (Lorberbom et al.
/// 2019, §4.2, Eq. 9, and its reference code).
///
/// * Direct optimisation: "for labeled examples, we set the perturbed label to be the true
///   label", which "is equivalent to using the indicator loss function over the space of
///   correct predictions": the loss-augmented argmax uses a loss that is 0 at the label and
///   prohibitive elsewhere, so it returns the label and the encoder's gradient is
///   (z − e_y) / ε (``indicatorScorer(labels:classes:penalty:)``).
/// * Gumbel-softmax: ten times the cross-entropy of the relaxed sample
///   softmax((θ + γ)/τ) with the label (``gumbelSoftmaxCrossEntropy(theta:noise:labels:temperature:weight:)``).
///
/// ```swift
/// let penalty = LabelledLoss.indicatorPenalty(theta: theta, noise: noise, epsilon: 0.05)
/// let scorer = LabelledLoss.indicatorScorer(labels: labels, classes: 10, penalty: penalty)
/// ```
public enum LabelledLoss {
    /// The weight of the Gumbel-softmax cross-entropy in the reference code (`10 * F.nll_loss`).
    public static let gumbelSoftmaxWeight: Float = 10

    /// A scorer of candidate one-hot states: 0 when the candidate is its image's label,
    /// `penalty` otherwise.
    public static func indicatorScorer(labels: [Int], classes: Int, penalty: Float) -> CandidateScorer {
        { candidates, rows in
            (0..<candidates.rows).map { row in
                candidates.values[row * candidates.columns + labels[rows[row]]] == 1 ? 0 : penalty
            }
        }
    }

    /// A finite indicator penalty P large enough that the loss-augmented argmax
    /// argmax_k (θ_k + γ_k − ε · P · [k ≠ y]) is y for every row: with s the spread of θ + γ
    /// over the batch, ε P = 2s + 1 makes the move to y gain at least s + 1 and any other move
    /// at most s.
    public static func indicatorPenalty(theta: [Float], noise: [Float], epsilon: Double) -> Float {
        let scores = zip(theta, noise).map { $0 + $1 }
        let spread = Double((scores.max() ?? 0) - (scores.min() ?? 0))
        return Float((2 * spread + 1) / epsilon)
    }

    /// weight · Σ_b −log softmax((θ_b + γ_b)/τ)_{y_b} and its gradient (weight/τ)(s_b − e_{y_b}).
    ///
    /// - Parameters:
    ///   - theta: B × K logits.
    ///   - noise: B × K Gumbel noise (the sample's).
    ///   - labels: B labels in 0..<K.
    /// - Complexity: O(B · K).
    public static func gumbelSoftmaxCrossEntropy(theta: [Float], noise: [Float], labels: [Int], temperature: Double,
                                                 weight: Float = gumbelSoftmaxWeight) -> (value: Double, gradient: [Float]) {
        let classes = theta.count / max(labels.count, 1)
        var gradient = [Float](repeating: 0, count: theta.count)
        var value = 0.0
        for (b, label) in labels.enumerated() {
            let range = b * classes ..< (b + 1) * classes
            let logits = range.map { (Double(theta[$0]) + Double(noise[$0])) / temperature }
            let top = logits.max() ?? 0
            let normaliser = log(logits.reduce(0) { $0 + exp($1 - top) }) + top
            value += Double(weight) * (normaliser - logits[label])
            for (k, j) in range.enumerated() {
                let soft = exp(logits[k] - normaliser)
                gradient[j] = Float(Double(weight) / temperature * (soft - (k == label ? 1 : 0)))
            }
        }
        return (value, gradient)
    }
}
