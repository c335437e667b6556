import DifferentiableSolvers
import GraphCutSolver
import Testing
import _TestSupport

@Suite("Graph cut agrees with brute-force enumeration")
struct GraphCutBruteForceTests {
    static let families: [RandomGraphCutInstance.Family] = [
        .init(description: "random edge lists, ties", seed: 1, count: 300, isGrid: false),
        .init(description: "random edge lists, continuous", seed: 2, count: 150, isGrid: false, ties: false),
        .init(description: "4-connected grids, ties", seed: 3, count: 200, isGrid: true),
        .init(description: "8-connected grids, ties", seed: 4, count: 200, isGrid: true, connectivity: .eight),
        .init(description: "random edge lists, fixed weights", seed: 5, count: 150, isGrid: false, fixedWeights: true),
        .init(description: "random edge lists, minimise", seed: 6, count: 100, isGrid: false, sense: .minimize),
        .init(description: "8-connected grids, fixed weights, minimise", seed: 7, count: 100, isGrid: true,
              connectivity: .eight, fixedWeights: true, sense: .minimize),
    ]

    @Test("the optimum equals the exhaustive optimum and the labelling attains it", arguments: families)
    func optimumMatchesEnumeration(family: RandomGraphCutInstance.Family) throws {
        for index in 0..<family.count {
            let instance = try RandomGraphCutInstance(family: family, index: index)
            let solution = try instance.solver.solve(row: instance.theta)
            let n = instance.energy.unaries.count
            let mask = ExhaustiveBinaryEnergy.mask(of: solution.prefix(n))
            let truth = instance.energy.optimum(sense: family.sense)

            #expect(solution.allSatisfy { $0 == 0 || $0 == 1 }, "instance \(index)")
            #expect(isApproximatelyEqual(instance.energy.value(mask: mask), truth.value, relative: 0, absolute: 1e-9),
                    "instance \(index): θ = \(instance.theta)")
            // Ties go to the smallest optimal labelling (the meet of all optimal ones).
            #expect(mask == truth.smallestOptimalMask, "instance \(index)")
            // The returned vector is exactly the sufficient statistics of its labelling,
            // so ⟨z, θ⟩ (plus the fixed pairwise part) is the attained optimum.
            let statistics = instance.energy.sufficientStatistics(mask: mask)
            #expect(solution == (family.fixedWeights ? Array(statistics.prefix(n)) : statistics), "instance \(index)")
            let fixedPart = family.fixedWeights ? fixedPairwiseValue(instance, mask) : 0
            #expect(isApproximatelyEqual(instance.solver.objective(of: solution, at: instance.theta) + fixedPart,
                                         truth.value, relative: 1e-6, absolute: 1e-6),
                    "instance \(index)")
            // The flow certificate states the same optimum.
            let certificate = try instance.solver.minimumCut(theta: instance.theta)
            #expect(certificate.sufficientStatistics == solution, "instance \(index)")
            #expect(isApproximatelyEqual(certificate.optimalObjective, truth.value, relative: 1e-9, absolute: 1e-9),
                    "instance \(index)")
        }
    }

    /// With fixed weights θ holds only unaries; add the pairwise part to compare objectives.
    private func fixedPairwiseValue(_ instance: RandomGraphCutInstance, _ mask: Int) -> Double {
        instance.energy.value(mask: mask) - instance.energy.unaries.indices
            .filter { mask >> $0 & 1 == 1 }.map { instance.energy.unaries[$0] }.reduce(0, +)
    }
}
