import CombinatorialSolvers
import DifferentiableSolvers
import _TestSupport
import Testing

@Suite("SPO+ loss")
struct SPOPlusTests {
    @Test("hand-computed 3-variable instance (choose one of three, minimise)")
    func handComputed() throws {
        // c = (1, 2, 3): w* = e₀, z* = 1. ĉ = (2, 1, 3): 2ĉ − c = (3, 0, 3), w̃ = e₁.
        // ℓ = ⟨c − 2ĉ, w̃⟩ + 2⟨ĉ, w*⟩ − z* = (2 − 2) + 4 − 1 = 3; ∂ℓ/∂ĉ = 2(e₀ − e₁).
        // Regret: w*(ĉ) = e₁, ⟨c, e₁⟩ − 1 = 1.
        let spo = SPOPlusLoss(solver: Argmax(sense: .minimize))
        let result = try spo.evaluate(predicted: Matrix(rows: 1, columns: 3, values: [2, 1, 3]),
                                      trueCosts: Matrix(rows: 1, columns: 3, values: [1, 2, 3]))
        #expect(result.values == [3])
        #expect(result.gradient.values == [2, -2, 0])
        #expect(result.regret == [1])
    }

    @Test("for a maximisation problem the same instance with negated data gives the negated gradient")
    func maximisation() throws {
        let spo = SPOPlusLoss(solver: Argmax())
        let result = try spo.evaluate(predicted: Matrix(rows: 1, columns: 3, values: [-2, -1, -3]),
                                      trueCosts: Matrix(rows: 1, columns: 3, values: [-1, -2, -3]))
        #expect(result.values == [3])
        #expect(result.gradient.values == [-2, 2, 0])
    }

    @Test("SPO+ is an upper bound of the regret and its subgradient matches the formula, on random 2-subset instances")
    func upperBound() throws {
        let spo = SPOPlusLoss(solver: TopK(k: 2, sense: .minimize))
        var generator = SeededGenerator(seed: 8)
        let states = BruteForce.binaryVectors(length: 5) { $0.reduce(0, +) == 2 }
        for _ in 0..<300 {
            let c = (0..<5).map { _ in Float(generator.nextNormal()) }
            let chat = (0..<5).map { _ in Float(generator.nextNormal()) }
            let result = try spo.evaluate(predicted: Matrix(rows: 1, columns: 5, values: chat),
                                          trueCosts: Matrix(rows: 1, columns: 5, values: c))
            // Independent truth by enumeration.
            let zStar = BruteForce.optimum(of: c, over: states, sense: .minimize).value
            let adversary = BruteForce.optimum(of: zip(c, chat).map { $0 - 2 * $1 }, over: states, sense: .maximize).value
            let wStar = try TopK(k: 2, sense: .minimize).solve(row: c)
            let loss = adversary + 2 * BruteForce.objective(wStar, chat) - zStar
            #expect(abs(Double(result.values[0]) - loss) < 1e-4)
            #expect(result.values[0] + 1e-5 >= result.regret[0])
            #expect(result.regret[0] >= -1e-6)
        }
    }

    @Test("missing or mis-shaped true costs are errors naming the parameter")
    func errors() {
        let spo = SPOPlusLoss(solver: Argmax(sense: .minimize))
        do {
            _ = try spo.evaluate(predicted: Matrix(rows: 1, columns: 3, values: [1, 2, 3]),
                                 trueCosts: Matrix(rows: 0, columns: 0, values: []))
            Issue.record("accepted empty true costs")
        } catch {
            #expect(error.message.contains("true costs"))
        }
    }
}
