import DifferentiableSolvers
import _ExampleSupport

/// A class-balanced labelled subset of a training set, as the reference code draws it
/// (GuyLor/Direct-VAE, `datas.get_balanced_dataset`): the first count/K images of each class
/// in a seeded random order.
///
/// ```swift
/// let labelled = try LabelledSubset(labels: training.labels, count: 100, classes: 10, seed: 1)
/// labelled.indices   // 10 images of each class
/// ```
public struct LabelledSubset: Sendable, Hashable {
    /// Indices into the training set, in drawing order.
    public let indices: [Int]

    /// Draws `count` images, count/K of each class.
    ///
    /// - Throws: ``ExampleError`` when `count` is not a positive multiple of K, exceeds the
    ///   images, a label is out of range, or a class has too few images.
    public init(labels: [Int], count: Int, classes: Int, seed: UInt64) throws(ExampleError) {
        guard classes >= 1, count >= 1, count % classes == 0 else {
            throw ExampleError("the labelled count must be a positive multiple of the \(classes) classes (got \(count))")
        }
        guard count <= labels.count else {
            throw ExampleError("\(count) labelled images asked for, but the training set has \(labels.count)")
        }
        if let bad = labels.first(where: { !(0..<classes).contains($0) }) {
            throw ExampleError("label \(bad) is outside 0..<\(classes)")
        }
        var generator = SeededGenerator(seed: seed, stream: [0x1ABE1])
        var order = Array(labels.indices)
        order.shuffle(using: &generator)
        var taken = [Int](repeating: 0, count: classes)
        var chosen: [Int] = []
        for index in order where taken[labels[index]] < count / classes {
            taken[labels[index]] += 1
            chosen.append(index)
            if chosen.count == count { break }
        }
        guard chosen.count == count else {
            let short = taken.indices.first { taken[$0] < count / classes } ?? 0
            throw ExampleError("class \(short) has only \(taken[short]) images, fewer than the \(count / classes) asked for")
        }
        indices = chosen
    }
}
