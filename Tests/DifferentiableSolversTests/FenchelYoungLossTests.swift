import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import Testing
import _TestSupport

/// The value of ``FenchelYoungLoss`` against its definition, for every perturbation the
/// forward pass can apply: additive or multiplicative, with or without a floor, either sense.
@Suite("Fenchel–Young loss value: the definition on the parameters the samples maximised")
struct FenchelYoungLossTests {
    /// One way of perturbing θ.
    struct Setting: Sendable, CustomTestStringConvertible {
        var multiplicative: Bool
        var floor: Float?
        var sense: OptimizationSense
        var testDescription: String {
            "\(multiplicative ? "multiplicative" : "additive"), floor \(floor.map { "\($0)" } ?? "none"), \(sense)"
        }
    }

    static let settings: [Setting] = [false, true].flatMap { multiplicative in
        [nil, Float(0.25)].flatMap { floor in
            OptimizationSense.allCases.map { Setting(multiplicative: multiplicative, floor: floor, sense: $0) }
        }
    }

    /// 2-subsets of 4 items: small enough to enumerate.
    static let feasible = BruteForce.binaryVectors(length: 4) { $0.reduce(0, +) == 2 }

    static func layer(_ setting: Setting, seed: UInt64) -> DifferentiableSolverLayer<TopK> {
        DifferentiableSolverLayer(solver: TopK(k: 2, sense: setting.sense),
                                  estimator: .perturbedOptimizer(PerturbedOptimizerConfiguration(multiplicative: setting.multiplicative)),
                                  noise: .normal, samples: 7, seed: seed, forwardTemperature: 0.8,
                                  parallelism: .serial, perturbationFloor: setting.floor)
    }

    /// θ rows of 4 entries with both signs and small magnitudes (so that a floor bites), or
    /// positive ones for the multiplicative form.
    static func theta(_ setting: Setting, rows: Int, generator: inout SeededGenerator) -> Matrix {
        Matrix(stacking: (0 ..< rows).map { _ in
            (0 ..< 4).map { _ in
                let x = Float(generator.nextNormal()) * 0.5
                return setting.multiplicative ? abs(x) + 0.05 : x
            }
        })
    }

    /// The definition, computed independently of the layer: for each sample's noise Z, the
    /// parameters η the forward pass solves (θ + sense·σZ or θ ∘ exp(sense·σZ − σ²/2), raised to
    /// the floor), φ = sense · η, and max over the enumerated feasible set of ⟨z, φ⟩ minus ⟨y, φ⟩;
    /// averaged over the samples.
    static func definition(_ setting: Setting, theta: [Float], target: [Float], noise: [[Float]], sigma: Double) -> Double {
        let sign = setting.sense == .maximize ? 1.0 : -1.0
        let terms = noise.map { z in
            let phi = (0 ..< theta.count).map { j -> Float in
                let shift = sign * sigma * Double(z[j])
                var eta = setting.multiplicative ? Double(theta[j]) * exp(shift - sigma * sigma / 2) : Double(theta[j]) + shift
                if let floor = setting.floor { eta = max(eta, Double(floor)) }
                return Float(sign * eta)
            }
            return BruteForce.optimum(of: phi, over: feasible, sense: .maximize).value - BruteForce.objective(target, phi)
        }
        return terms.reduce(0, +) / Double(terms.count)
    }

    @Test("the value equals a Monte-Carlo evaluation of the definition by enumeration, on the same noise",
          arguments: settings)
    func matchesDefinition(_ setting: Setting) throws {
        var generator = SeededGenerator(seed: 41)
        var layer = Self.layer(setting, seed: 5)
        let theta = Self.theta(setting, rows: 6, generator: &generator)
        let targets = Matrix(stacking: (0 ..< 6).map { Self.feasible[$0 % Self.feasible.count] })
        // A copy at the same step draws the same noise as the loss's own forward pass.
        var twin = layer
        let (_, tape) = try twin.forward(theta, output: .perSample)
        let loss = try layer.fenchelYoungLoss(theta, targets: targets)
        for b in 0 ..< theta.rows {
            let noise = (0 ..< 7).map { tape.noise.row(b * 7 + $0) }
            let truth = Self.definition(setting, theta: theta.row(b), target: targets.row(b), noise: noise, sigma: 0.8)
            #expect(abs(Double(loss.values[b]) - truth) <= 1e-4 * max(1, abs(truth)),
                    "\(setting), row \(b): loss \(loss.values[b]), definition \(truth)")
        }
    }

    @Test("the value is non-negative on random instances and targets", arguments: settings)
    func nonNegative(_ setting: Setting) throws {
        var generator = SeededGenerator(seed: 99)
        for seed in 0 ..< 20 as Range<UInt64> {
            var layer = Self.layer(setting, seed: seed)
            let theta = Self.theta(setting, rows: 8, generator: &generator)
            let targets = Matrix(stacking: (0 ..< 8).map { _ in Self.feasible[Int(generator.next() % UInt64(Self.feasible.count))] })
            let loss = try layer.fenchelYoungLoss(theta, targets: targets)
            #expect(loss.values.allSatisfy { $0 >= -1e-6 }, "\(setting), seed \(seed): \(loss.values)")
        }
    }
}
