@testable import DifferentiableSolversC
import DifferentiableSolvers
import Testing

/// The layer's bad-input matrix (ReliabilityTests' `LayerBadInput`) as far as a C caller can
/// reach it: every estimator the ABI names × hostile θ, ∂L/∂z and tapes, through
/// `ds_layer_forward`/`ds_layer_backward`. Each pass gives a status with a message or a
/// finite gradient of θ's shape — never a trap.
@Suite("C ABI: bad-input matrix, every estimator × hostile passes")
struct ABILayerBadInputMatrixTests {
    /// One spelling of every estimator the ABI parses, with the noise it is used with.
    static let estimators: [(name: String, noise: String)] = [
        ("aimle-central", "gumbel"), ("aimle-forward", "gumbel"), ("aimle-backward", "gumbel"),
        ("imle:5", "sum-of-gamma:3"), ("imle-central:5", "gumbel"), ("blackbox:20", "none"),
        ("direct-loss:0.5", "gumbel"), ("perturbed-optimizer", "normal"), ("score-function", "gumbel"),
        ("straight-through", "gumbel"), ("gumbel-softmax:0.5:3", "gumbel"),
    ]

    enum HostilePass: String, CaseIterable, Sendable {
        case ordinary
        case thetaNotANumber, thetaInfinite, thetaNoRows, thetaScaledUp, thetaScaledDown, thetaZero
        case gradientNotANumber, gradientInfinite, gradientZero, gradientScaledUp, gradientScaledDown
        case gradientOneValueShort, foreignTape

        /// What the layer must do: answer, refuse with one of these statuses, or either.
        var expectation: (mustFail: Bool, statuses: Set<ABIStatus>) {
            switch self {
            case .ordinary: (false, [])
            case .thetaNotANumber, .thetaInfinite, .gradientNotANumber, .gradientInfinite: (true, [.nonFiniteInput])
            case .gradientOneValueShort: (true, [.shapeMismatch])
            case .foreignTape: (true, [.foreignTape])
            case .thetaNoRows, .thetaScaledUp, .thetaScaledDown, .thetaZero, .gradientZero, .gradientScaledUp,
                 .gradientScaledDown:
                (false, [.shapeMismatch, .nonFiniteInput, .solverFailed, .invalidConfiguration])
            }
        }
    }

    @Test("a status with a message, or a finite gradient", arguments: estimators.map(\.name), HostilePass.allCases)
    func hostilePass(_ estimator: String, _ pass: HostilePass) throws {
        let noise = try #require(Self.estimators.first { $0.name == estimator }).noise
        let samples = 3
        let layer = try ABIClient.makeLayer("block-top-k", #"{"block-size": 3, "k": 1}"#, estimator: estimator, noise: noise,
                                            samples: Int64(samples), seed: 11)
        let other = try ABIClient.makeLayer("block-top-k", #"{"block-size": 3, "k": 1}"#, estimator: estimator, noise: noise,
                                            samples: Int64(samples), seed: 11)
        defer { _ = ds_layer_free(layer); _ = ds_layer_free(other) }
        if estimator.hasPrefix("aimle") {
            // α starts at 0, where AIMLE's first gradients are zero; the paper's steps of η = 10⁻³
            // towards a target the signal 0 stays below warm it to α = 2, as training would.
            for _ in 0..<2_000 {
                try ABIClient.check(ds_layer_advance_adaptive(layer, 0))
                try ABIClient.check(ds_layer_advance_adaptive(other, 0))
            }
        }
        let base: [Float] = [0.5, 1.5, 0.25, 2, 0.75, 1]   // positive, as the perturbed optimiser needs
        var theta = Matrix(stacking: [base, base.reversed()])
        switch pass {
        case .thetaNotANumber: theta[1, 2] = .nan
        case .thetaInfinite: theta[0, 4] = .infinity
        case .thetaNoRows: theta = Matrix(rows: 0, columns: 6, values: [])
        case .thetaScaledUp: theta.values = theta.values.map { $0 * 1e30 }
        case .thetaScaledDown: theta.values = theta.values.map { $0 * 1e-30 }
        case .thetaZero: theta.values = theta.values.map { _ in 0 }
        default: break
        }
        // Per-sample losses, used by the score function only (which subtracts their mean).
        let losses = (0..<theta.rows * samples).map { Float($0 % 4) }
        do throws(ABIFailure) {
            let (z, tape) = try ABIClient.forward(layer, theta, samples: samples)
            defer { _ = ds_tape_free(tape) }
            var dLdz = Matrix(rows: z.rows, columns: z.columns, values: z.values.enumerated().map { Float($0.offset % 3) - 1 })
            switch pass {
            case .gradientNotANumber where !dLdz.values.isEmpty: dLdz.values[0] = .nan
            case .gradientInfinite where !dLdz.values.isEmpty: dLdz.values[dLdz.values.count - 1] = -.infinity
            case .gradientZero: dLdz.values = dLdz.values.map { _ in 0 }
            case .gradientScaledUp: dLdz.values = dLdz.values.map { $0 * 1e30 }
            case .gradientScaledDown: dLdz.values = dLdz.values.map { $0 * 1e-30 }
            case .gradientOneValueShort: dLdz = Matrix(rows: 1, columns: dLdz.values.count - 1, values: Array(dLdz.values.dropLast()))
            default: break
            }
            let owner = pass == .foreignTape ? other : layer
            let gradient = try ABIClient.backward(owner, tape, dLdz, thetaShape: (theta.rows, theta.columns),
                                                  sampleLosses: estimator == "score-function" ? losses : nil)
            if pass.expectation.mustFail {
                Issue.record("\(estimator), \(pass): expected a status in \(pass.expectation.statuses), got a gradient")
            }
            #expect(gradient.firstNonFiniteIndex == nil, "\(estimator), \(pass): non-finite gradient \(gradient.values)")
            if pass == .ordinary {
                #expect(gradient.values.contains { $0 != 0 }, "\(estimator): zero gradient on an ordinary pass")
            }
        } catch {
            #expect(!error.message.isEmpty, "\(estimator), \(pass): a status without a message")
            #expect(pass.expectation.statuses.contains(error.status), "\(estimator), \(pass): \(error.status): \(error.message)")
        }
    }
}
