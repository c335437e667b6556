import _Differentiation

extension ParameterizedModel {
    /// The gradient tensor of every parameter, after checking it fits its parameter and
    /// is finite (``Tensor/zero`` stands for a zero gradient and passes).
    func checkedGradients(_ gradient: TangentVector) throws(TensorError) -> [Tensor] {
        var gradients: [Tensor] = []
        for parameter in Self.parameters {
            let value = self[keyPath: parameter.value], g = gradient[keyPath: parameter.gradient]
            guard g.isZero || g.shape == value.shape else {
                throw TensorError(.shapeMismatch, "gradient of \(parameter.name) has shape \(g.shape), parameter \(value.shape)")
            }
            guard g.storage.buffer.allSatisfy({ $0.isFinite }) else {
                throw TensorError(.nonFinite, "gradient of \(parameter.name) has a NaN or infinite element")
            }
            gradients.append(g)
        }
        return gradients
    }
}
