import DifferentiableSolvers

/// The small set of weights that combinatorial-solver property tests draw from, so that
/// random instances often have several optimal states (ties) as well as a unique one.
public let tieProneWeightValues: [Float] = [0.8, 1.2, 5.3, 7.7, 9.2]

/// `count` weights drawn uniformly from ``tieProneWeightValues``; with `allowNegative`,
/// each weight is negated with probability ½.
public func tieProneWeights(count: Int, allowNegative: Bool = false, using generator: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in
        let value = tieProneWeightValues[Int(generator.next() % UInt64(tieProneWeightValues.count))]
        return allowNegative && generator.next() & 1 == 1 ? -value : value
    }
}
