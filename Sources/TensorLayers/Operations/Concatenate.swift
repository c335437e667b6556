import _Differentiation

/// The tensors joined along `axis`; all other extents must agree.
///
/// ```swift
/// let features = concatenate([a, b], alongAxis: 1)   // [N, Ca + Cb, H, W]
/// ```
/// - Parameters:
///   - tensors: One or more tensors of equal rank.
///   - axis: The axis to join along, in `0..<rank`.
/// - Returns: A new tensor whose `axis` extent is the sum of the inputs'.
/// - Complexity: O(n).
public func concatenate(_ tensors: [Tensor], alongAxis axis: Int) -> Tensor {
    precondition(!tensors.isEmpty, "concatenate: no tensors")
    let first = tensors[0].shape
    precondition(axis >= 0 && axis < first.count, "concatenate: axis \(axis) out of range for \(first)")
    for tensor in tensors {
        var a = tensor.shape, b = first
        precondition(a.count == b.count, "concatenate: ranks of \(a) and \(b) differ")
        a[axis] = 0; b[axis] = 0
        precondition(a == b, "concatenate: \(tensor.shape) and \(first) differ off axis \(axis)")
    }
    var shape = first
    shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    let outer = first[..<axis].reduce(1, *), inner = first[(axis + 1)...].reduce(1, *)
    let result = Tensor(uninitializedShape: shape)
    let rowLength = shape[axis] * inner
    var offset = 0
    for tensor in tensors {
        let length = tensor.shape[axis] * inner
        let source = tensor.storage.base, target = result.storage.base + offset
        for row in 0..<outer {
            (target + row * rowLength).update(from: source + row * length, count: length)
        }
        offset += length
    }
    return result
}

@derivative(of: concatenate, wrt: tensors)
@usableFromInline
func _vjpConcatenate(
    _ tensors: [Tensor], alongAxis axis: Int
) -> (value: Tensor, pullback: (Tensor) -> Array<Tensor>.TangentVector) {
    let shapes = tensors.map(\.shape)
    return (concatenate(tensors, alongAxis: axis), { v in
        guard !v.isZero else { return Array<Tensor>.TangentVector(shapes.map { _ in Tensor.zero }) }
        let outer = v.shape[..<axis].reduce(1, *), inner = v.shape[(axis + 1)...].reduce(1, *)
        let rowLength = v.shape[axis] * inner
        var offset = 0
        var pieces: [Tensor] = []
        for shape in shapes {
            let length = shape[axis] * inner
            let piece = Tensor(uninitializedShape: shape)
            for row in 0..<outer {
                (piece.storage.base + row * length).update(from: v.storage.base + offset + row * rowLength, count: length)
            }
            pieces.append(piece)
            offset += length
        }
        return Array<Tensor>.TangentVector(pieces)
    })
}
