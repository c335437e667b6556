import _Differentiation

extension ParameterizedModel {
    /// An optimiser's per-parameter state (Adam's moments, SGD's velocities): zero tensors
    /// shaped like the parameters on the first step, otherwise `slots` after checking that
    /// they still fit this model.
    ///
    /// - Parameters:
    ///   - slots: The state so far (empty before the first step).
    ///   - optimizer: The optimiser's name, for the error message.
    /// - Throws: ``TensorError`` of kind `.shapeMismatch` when `slots` belong to another model.
    func optimizerSlots(_ slots: [Tensor], of optimizer: String) throws(TensorError) -> [Tensor] {
        let parameters = Self.parameters
        guard !slots.isEmpty else { return parameters.map { Tensor(filling: 0, shape: self[keyPath: $0.value].shape) } }
        for (index, parameter) in parameters.enumerated() where slots[index].shape != self[keyPath: parameter.value].shape {
            throw TensorError(.shapeMismatch, "\(optimizer) state does not fit parameter \(parameter.name): was it used with another model?")
        }
        return slots
    }

    /// Calls `update` once for every parameter whose gradient is not ``Tensor/zero``, with
    /// the parameter's index, its elements (writable, not shared with any other tensor), its
    /// gradient's elements and their count.
    mutating func updateParameters(along gradients: [Tensor],
                                   _ update: (_ index: Int, _ parameter: UnsafeMutablePointer<Float>,
                                              _ gradient: UnsafePointer<Float>, _ count: Int) -> Void) {
        for (index, parameter) in Self.parameters.enumerated() where !gradients[index].isZero {
            update(index, self[keyPath: parameter.value].uniqueStorage().base, UnsafePointer(gradients[index].storage.base), gradients[index].count)
        }
    }
}
