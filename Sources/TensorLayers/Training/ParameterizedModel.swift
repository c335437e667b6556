import _Differentiation

/// A differentiable model that lists its trainable tensors, so optimisers and checkpoints
/// can walk them (Linux has no `KeyPathIterable`).
///
/// Each parameter pairs a key path into the model with the matching key path into its
/// synthesized `TangentVector`. Composite models list their children's parameters with
/// ``ModelParameter/nested(_:_:_:)``.
///
/// ```swift
/// struct Probe: ParameterizedModel {
///     var weight: Tensor
///     static var parameters: [ModelParameter<Probe>] {
///         [ModelParameter("weight", \.weight, \.weight)]
///     }
/// }
/// ```
public protocol ParameterizedModel: Differentiable {
    /// The trainable tensors, each with a unique name, in a fixed order.
    static var parameters: [ModelParameter<Self>] { get }

    /// State saved with checkpoints but not trained: batch-normalisation statistics.
    var namedStatistics: [NamedStatistics] { get }
}

extension ParameterizedModel {
    /// No running statistics.
    public var namedStatistics: [NamedStatistics] { [] }
}

/// One trainable tensor of a model: its name, where it lives in the model and where its
/// gradient lives in the model's tangent vector.
///
/// ```swift
/// ModelParameter<Dense>("weight", \.weight, \.weight)
/// ```
public struct ModelParameter<Model: Differentiable> {
    /// A unique dotted name, such as `block1.conv1.filter`.
    public let name: String
    /// The tensor in the model.
    public let value: WritableKeyPath<Model, Tensor>
    /// Its gradient in the tangent vector.
    public let gradient: WritableKeyPath<Model.TangentVector, Tensor>

    /// A parameter called `name` at `value`, with gradient at `gradient`.
    public init(_ name: String, _ value: WritableKeyPath<Model, Tensor>, _ gradient: WritableKeyPath<Model.TangentVector, Tensor>) {
        self.name = name
        self.value = value
        self.gradient = gradient
    }

    /// The parameters of a child model stored at `value`, named `"\(name).\(child name)"`.
    ///
    /// - Parameters:
    ///   - name: The child's name.
    ///   - value: The child in the model.
    ///   - gradient: The child's tangent in the model's tangent vector.
    /// - Returns: The child's parameters as parameters of `Model`.
    public static func nested<Child: ParameterizedModel>(
        _ name: String,
        _ value: WritableKeyPath<Model, Child>,
        _ gradient: WritableKeyPath<Model.TangentVector, Child.TangentVector>
    ) -> [ModelParameter<Model>] {
        Child.parameters.map { parameter in
            ModelParameter("\(name).\(parameter.name)",
                           value.appending(path: parameter.value),
                           gradient.appending(path: parameter.gradient))
        }
    }
}

/// Running statistics with the dotted name a checkpoint stores them under.
public struct NamedStatistics: Sendable {
    /// A unique dotted name, such as `block1.norm1`.
    public let name: String
    /// The statistics.
    public let statistics: RunningStatistics

    /// `statistics` called `name`.
    public init(_ name: String, _ statistics: RunningStatistics) {
        self.name = name
        self.statistics = statistics
    }

    /// The same statistics with `prefix.` in front of the name.
    public func prefixed(_ prefix: String) -> NamedStatistics {
        NamedStatistics("\(prefix).\(name)", statistics)
    }
}
