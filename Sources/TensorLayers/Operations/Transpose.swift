import _Differentiation

/// The tensor with its axes reordered: axis `i` of the result is axis `permutation[i]` of `x`.
///
/// ```swift
/// let nhwc = transpose(nchw, permutation: [0, 2, 3, 1])
/// let t = transpose(matrix, permutation: [1, 0])
/// ```
/// - Parameters:
///   - x: Any tensor.
///   - permutation: A permutation of `0..<x.rank`.
/// - Returns: A new contiguous tensor.
/// - Complexity: O(n).
public func transpose(_ x: Tensor, permutation: [Int]) -> Tensor {
    precondition(permutation.sorted() == Array(0..<x.rank),
                 "transpose: \(permutation) is not a permutation of the \(x.rank) axes of \(x.shape)")
    let outputShape = permutation.map { x.shape[$0] }
    let result = Tensor(uninitializedShape: outputShape)
    guard result.count > 0 else { return result }
    var inputStrides = [Int](repeating: 1, count: x.rank)
    for axis in stride(from: x.rank - 2, through: 0, by: -1) {
        inputStrides[axis] = inputStrides[axis + 1] * x.shape[axis + 1]
    }
    let strides = permutation.map { inputStrides[$0] }
    let rank = x.rank
    // Rows of the output's last axis; each row is a strided gather from the input.
    let rowLength = rank == 0 ? 1 : outputShape[rank - 1]
    let lastStride = rank == 0 ? 0 : strides[rank - 1]
    let rows = result.count / max(rowLength, 1)
    let source = x.storage.base, target = result.storage.base
    parallelRanges(rows, grain: max(1, 32_768 / max(rowLength, 1))) { range in
        for row in range {
            var remainder = row, offset = 0
            for axis in stride(from: rank - 2, through: 0, by: -1) {
                offset += (remainder % outputShape[axis]) * strides[axis]
                remainder /= outputShape[axis]
            }
            let out = target + row * rowLength
            for column in 0..<rowLength { out[column] = source[offset + column * lastStride] }
        }
    }
    return result
}

@derivative(of: transpose, wrt: x)
@usableFromInline
func _vjpTranspose(_ x: Tensor, permutation: [Int]) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    var inverse = [Int](repeating: 0, count: permutation.count)
    for (axis, source) in permutation.enumerated() { inverse[source] = axis }
    return (transpose(x, permutation: permutation), { v in
        v.isZero ? .zero : transpose(v, permutation: inverse)
    })
}
