import _Differentiation

/// The matrix product of a [m, k] and a [k, n] tensor.
///
/// ```swift
/// let y = matmul(x, w)   // [m, k] · [k, n] → [m, n]
/// ```
/// - Parameters:
///   - lhs: A rank-2 tensor [m, k].
///   - rhs: A rank-2 tensor [k, n].
/// - Returns: The [m, n] product, computed by OpenBLAS `sgemm` on all cores.
/// - Complexity: O(m·n·k).
public func matmul(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
    precondition(lhs.rank == 2 && rhs.rank == 2 && lhs.shape[1] == rhs.shape[0],
                 "matmul: cannot multiply \(lhs.shape) by \(rhs.shape)")
    return product(lhs, transposed: false, rhs, transposed: false)
}

@derivative(of: matmul)
@usableFromInline
func _vjpMatmul(_ lhs: Tensor, _ rhs: Tensor) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor)) {
    (matmul(lhs, rhs), { v in
        guard !v.isZero else { return (.zero, .zero) }
        return (product(v, transposed: false, rhs, transposed: true),
                product(lhs, transposed: true, v, transposed: false))
    })
}

/// A fully connected layer's map `x · weightᵀ + bias` (PyTorch's weight layout).
///
/// ```swift
/// let y = linear(x, weight: w, bias: b)   // [batch, in] → [batch, out]
/// ```
/// - Parameters:
///   - x: The input, [batch, in].
///   - weight: The weights, [out, in].
///   - bias: The bias, [out], or ``Tensor/zero`` for none.
/// - Returns: The output, [batch, out].
/// - Complexity: O(batch · in · out).
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
    precondition(x.rank == 2 && weight.rank == 2 && x.shape[1] == weight.shape[1],
                 "linear: input \(x.shape) does not fit weight \(weight.shape)")
    precondition(bias.isZero || bias.shape == [weight.shape[0]],
                 "linear: bias \(bias.shape) does not fit weight \(weight.shape)")
    let y = product(x, transposed: false, weight, transposed: true)
    if !bias.isZero { addBias(bias, to: y, channels: weight.shape[0], spatial: 1) }
    return y
}

@derivative(of: linear)
@usableFromInline
func _vjpLinear(
    _ x: Tensor, weight: Tensor, bias: Tensor
) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor, Tensor)) {
    let hasBias = !bias.isZero
    return (linear(x, weight: weight, bias: bias), { v in
        guard !v.isZero else { return (.zero, .zero, .zero) }
        let dx = product(v, transposed: false, weight, transposed: false)
        let dw = product(v, transposed: true, x, transposed: false)
        let db = hasBias ? channelSums(v, channels: weight.shape[0], spatial: 1) : .zero
        return (dx, dw, db)
    })
}

/// `op(lhs) · op(rhs)` for rank-2 tensors, where op transposes when asked.
func product(_ lhs: Tensor, transposed transposeL: Bool, _ rhs: Tensor, transposed transposeR: Bool) -> Tensor {
    let m = transposeL ? lhs.shape[1] : lhs.shape[0]
    let k = transposeL ? lhs.shape[0] : lhs.shape[1]
    let n = transposeR ? rhs.shape[0] : rhs.shape[1]
    let result = Tensor(uninitializedShape: [m, n])
    if k == 0 {
        for index in 0..<result.count { result.storage.base[index] = 0 }
        return result
    }
    parallelGemm(transposeA: transposeL, transposeB: transposeR, m: m, n: n, k: k,
                 a: lhs.storage.base, lda: lhs.shape[1], b: rhs.storage.base, ldb: rhs.shape[1],
                 beta: 0, c: result.storage.base, ldc: n)
    return result
}

/// Adds `bias[c]` to every element of channel `c` of `y`, viewed as [batch, channels, spatial].
func addBias(_ bias: Tensor, to y: Tensor, channels: Int, spatial: Int) {
    let batch = y.count / max(channels * spatial, 1)
    let target = y.storage.base, offsets = bias.storage.base
    parallelTasks(batch * channels) { plane, _ in
        let value = offsets[plane % channels]
        let row = target + plane * spatial
        for index in 0..<spatial { row[index] += value }
    }
}

/// The per-channel sums of `v`, viewed as [batch, channels, spatial], as a [channels] tensor.
func channelSums(_ v: Tensor, channels: Int, spatial: Int) -> Tensor {
    let batch = v.count / max(channels * spatial, 1)
    let result = Tensor(uninitializedShape: [channels])
    let source = v.storage.base, target = result.storage.base
    parallelTasks(channels) { channel, _ in
        var total = 0.0
        for image in 0..<batch {
            total += Double(VectorMath.sum(source + (image * channels + channel) * spatial, spatial))
        }
        target[channel] = Float(total)
    }
    return result
}
