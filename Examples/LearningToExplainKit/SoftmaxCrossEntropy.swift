#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import _ExampleSupport

/// The classifier's loss: the mean over rows of −log softmax(logits)[label], with its gradient
/// with respect to the logits, softmax(logits) − onehot(label), divided by the rows.
///
/// ```swift
/// let (loss, gradient) = try SoftmaxCrossEntropy.lossAndGradient(logits: [0, 0], labels: [1], classes: 2)
/// // loss = log 2, gradient = [0.5, −0.5]
/// ```
public enum SoftmaxCrossEntropy {
    /// The mean cross-entropy of `rows × classes` logits against labels, and its gradient.
    ///
    /// - Throws: ``ExampleError`` (`.shapeMismatch`) when the logits do not make one row of
    ///   `classes` per label, (`.invalidArgument`) for a label outside 0 ..< classes.
    public static func lossAndGradient(logits: [Float], labels: [Int], classes: Int) throws(ExampleError)
        -> (loss: Double, gradient: [Float]) {
        guard classes >= 1, !labels.isEmpty, logits.count == labels.count * classes else {
            throw ExampleError(.shapeMismatch, "\(logits.count) logits for \(labels.count) labels of \(classes) classes")
        }
        if let bad = labels.first(where: { !(0..<classes).contains($0) }) {
            throw ExampleError("label \(bad) is not one of the \(classes) classes")
        }
        var loss = 0.0
        var gradient = [Float](repeating: 0, count: logits.count)
        let weight = 1 / Double(labels.count)
        for (index, label) in labels.enumerated() {
            let row = logits[index * classes ..< (index + 1) * classes].map(Double.init)
            let top = row.max() ?? 0
            // −log softmax(x)[label] = log Σ exp(x − top) − (x_label − top), exact for confident rows too.
            loss += (log(row.reduce(0) { $0 + exp($1 - top) }) - (row[label] - top)) * weight
            let probabilities = softmax(row)
            for c in 0..<classes {
                gradient[index * classes + c] = Float((probabilities[c] - (c == label ? 1 : 0)) * weight)
            }
        }
        return (loss, gradient)
    }

    /// The index of the largest logit of every row (the predicted class).
    public static func predictions(logits: [Float], classes: Int) -> [Int] {
        stride(from: 0, to: logits.count, by: max(classes, 1)).map { start in
            let row = logits[start ..< min(start + classes, logits.count)]
            return (row.indices.max { row[$0] < row[$1] } ?? start) - start
        }
    }

    /// softmax(x), shifted by the maximum for stability.
    public static func softmax(_ x: [Double]) -> [Double] {
        let top = x.max() ?? 0
        let exponentials = x.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}
