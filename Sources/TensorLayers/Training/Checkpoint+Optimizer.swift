import Foundation

extension Checkpoint {
    /// The Adam state as checkpoint entries: `adam.step` (one value; exact up to 2²⁴ steps)
    /// and `adam.first.<parameter>` / `adam.second.<parameter>` moment estimates.
    static func optimizerEntries(_ optimizer: Adam, parameters: [String]) throws(TensorError) -> [(String, [Int], [Float])] {
        guard optimizer.step < 1 << 24 else {
            throw TensorError(.checkpoint, "Adam's step count \(optimizer.step) is beyond what a checkpoint stores exactly (2²⁴)")
        }
        var entries: [(String, [Int], [Float])] = [("adam.step", [1], [Float(optimizer.step)])]
        guard !optimizer.firstMoments.isEmpty else { return entries }
        guard optimizer.firstMoments.count == parameters.count else {
            throw TensorError(.checkpoint, "the optimiser holds \(optimizer.firstMoments.count) moments for \(parameters.count) parameters")
        }
        for (index, name) in parameters.enumerated() {
            let first = optimizer.firstMoments[index], second = optimizer.secondMoments[index]
            entries.append(("adam.first.\(name)", first.shape, first.scalars))
            entries.append(("adam.second.\(name)", second.shape, second.scalars))
        }
        return entries
    }

    /// Restores the Adam state saved with ``save(_:optimizer:to:)`` for `Model`.
    ///
    /// - Parameters:
    ///   - optimizer: the optimiser to fill; its settings (learning rate, betas) are kept.
    ///   - model: the model type whose parameter names and shapes the moments must match.
    ///   - url: the checkpoint file.
    /// - Throws: ``TensorError`` (``TensorFailure/checkpoint``) when the file has no
    ///   optimiser state, or it does not fit the model; the optimiser is unchanged then.
    public static func loadOptimizer<Model: ParameterizedModel>(_ optimizer: inout Adam, for model: Model,
                                                                from url: URL) throws(TensorError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TensorError(.checkpoint, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let entries = try decode(Array(data), file: url.path)
        guard let step = entries["adam.step"], step.scalars.count == 1, step.scalars[0] >= 0,
              let steps = Int(exactly: step.scalars[0]) else {
            throw TensorError(.checkpoint, "\(url.path) holds no optimiser state (saved without it, or by an older version)")
        }
        var first: [Tensor] = [], second: [Tensor] = []
        for parameter in Model.parameters {
            let shape = model[keyPath: parameter.value].shape
            guard let m = entries["adam.first.\(parameter.name)"], let v = entries["adam.second.\(parameter.name)"] else {
                if steps == 0 { break }
                throw TensorError(.checkpoint, "\(url.path) has no optimiser moments for \(parameter.name)")
            }
            guard m.shape == shape, v.shape == shape else {
                throw TensorError(.checkpoint, "\(url.path): the optimiser moments of \(parameter.name) have shape \(m.shape), the model needs \(shape)")
            }
            first.append(try Tensor(shape: shape, scalars: m.scalars))
            second.append(try Tensor(shape: shape, scalars: v.scalars))
        }
        optimizer.step = steps
        optimizer.firstMoments = first
        optimizer.secondMoments = second
    }
}
