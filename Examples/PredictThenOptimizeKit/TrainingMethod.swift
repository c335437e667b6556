import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// The learning methods compared by the benchmark, named as in PyEPO's papers and tables.
///
/// | method | loss on a batch | gradient through the solver |
/// | --- | --- | --- |
/// | ``twoStage`` | MSE(ĉ, c) | none (the solver is not in the loop) |
/// | ``spoPlus`` | SPO+ (Elmachtoub & Grigas) | its subgradient 2(w* − w̃) |
/// | ``blackbox`` | regret ‖⟨ŵ, c⟩ − z*‖₁ | DBB interpolation, λ |
/// | ``negativeIdentity`` | regret | identity (Sahoo et al. 2023) |
/// | ``perturbedOptimizer`` | MSE(E[ŵ], w*) | perturbed optimiser (Berthet et al.) |
/// | ``fenchelYoung`` | perturbed Fenchel–Young | E[ŵ] − w* |
/// | ``imle`` | regret (``MethodSettings/imleLoss``) | IMLE, forward difference, λ |
/// | ``aimleForward``, ``aimleCentral`` | ‖E[ŵ] − w*‖₁ (``MethodSettings/aimleLoss``) | adaptive IMLE |
/// | ``directLoss`` | regret (``MethodSettings/directLoss``) | direct loss minimisation (first order), ε |
///
/// PyEPO's "choosing a method" guide pairs DBB and NID with L1 on objectives, DPO with MSE on
/// solutions, I-MLE and AI-MLE with L1 on solutions; see ``MethodSettings`` for IMLE.
public enum TrainingMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Two-stage: regression of the costs, no solver in the loop.
    case twoStage = "2s"
    /// The SPO+ surrogate.
    case spoPlus = "spo+"
    /// Differentiable black-box (DBB) interpolation.
    case blackbox = "dbb"
    /// Negative identity (NID) backward pass.
    case negativeIdentity = "nid"
    /// Differentiable perturbed optimiser (DPO).
    case perturbedOptimizer = "dpo"
    /// Perturbed Fenchel–Young loss (PFYL).
    case fenchelYoung = "pfyl"
    /// Implicit MLE with a fixed λ.
    case imle = "imle"
    /// Adaptive IMLE, forward differences.
    case aimleForward = "aimle-fwd"
    /// Adaptive IMLE, central differences.
    case aimleCentral = "aimle-cen"
    /// Direct loss minimisation, first order.
    case directLoss = "direct"

    /// The label of tables and plots.
    public var title: String {
        switch self {
        case .twoStage: "2-stage (MSE)"
        case .spoPlus: "SPO+"
        case .blackbox: "DBB"
        case .negativeIdentity: "NID"
        case .perturbedOptimizer: "DPO"
        case .fenchelYoung: "PFYL"
        case .imle: "IMLE"
        case .aimleForward: "AIMLE forward"
        case .aimleCentral: "AIMLE central"
        case .directLoss: "direct loss"
        }
    }

    /// The methods a command-line name stands for: one method by its name, or every
    /// method for `all`.
    ///
    /// - Parameter name: A method's name (`spo+`, `aimle-fwd`, `imle`, …) or `all`.
    /// - Returns: The methods named, or `nil` for an unknown name.
    public static func named(_ name: String) -> [TrainingMethod]? { try? methods(parsing: EstimatorItem(name)) }

    /// The methods PyEPO names, which are not the package's estimator names: every method but
    /// ``imle``, whose name is the package's.
    public static let pyEPONamed = allCases.filter { $0 != .imle }

    /// The methods a command-line item stands for: PyEPO's names (``pyEPONamed``, by raw
    /// value), `all`, or the package's `imle` (also `imle-forward`), read by
    /// `EstimatorDescription.Family(named:)`. IMLE's λ is PyEPO's, ``MethodSettings/imleLambda``
    /// (10, as the package's bare `imle`), so the name takes no number.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) naming the item and the accepted names.
    public static func methods(parsing item: EstimatorItem) throws(ExampleError) -> [TrainingMethod] {
        let names = (allCases.map(\.rawValue) + ["all"]).joined(separator: ", ")
        if item.text == "all" { return allCases }
        if let method = pyEPONamed.first(where: { $0.rawValue == item.text }) { return [method] }
        let family: EstimatorDescription.Family
        do { family = try EstimatorDescription.Family(named: item.name) } catch {
            throw ExampleError(.invalidArgument, "unknown method '\(item)'; choose from \(names)")
        }
        guard family == .imle(.forward) else {
            throw ExampleError(.invalidArgument, "method '\(item)' is not one of PyEPO's methods here; choose from \(names)")
        }
        guard !item.hasArguments else {
            throw ExampleError(.invalidArgument, "method '\(item)': IMLE's λ here is PyEPO's 10 (MethodSettings.imleLambda); write imle, or choose from \(names)")
        }
        return [.imle]
    }
}
