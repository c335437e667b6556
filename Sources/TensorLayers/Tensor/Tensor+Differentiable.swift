import _Differentiation

extension Tensor: AdditiveArithmetic {
    /// The additive identity: an empty tensor that adds to any tensor without changing it.
    ///
    /// `_Differentiation` uses it for "no gradient"; pullbacks of the module accept it as
    /// an incoming cotangent and optimisers treat it as a zero gradient.
    public static var zero: Tensor { Tensor(uninitializedShape: [0]) }

    /// Whether this is an empty tensor, which acts as the additive identity ``zero``.
    public var isZero: Bool { count == 0 }

    /// The element-wise sum; ``zero`` on either side returns the other operand.
    ///
    /// - Complexity: O(n), on all cores for large tensors.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        if lhs.isZero { return rhs }
        if rhs.isZero { return lhs }
        precondition(lhs.shape == rhs.shape, "+: shapes \(lhs.shape) and \(rhs.shape) differ")
        let result = Tensor(uninitializedShape: lhs.shape)
        let left = lhs.storage.base, right = rhs.storage.base, target = result.storage.base
        // Written out rather than through `combine` so that the loop vectorises.
        parallelRanges(lhs.count) { range in
            for index in range { target[index] = left[index] + right[index] }
        }
        return result
    }

    /// The element-wise difference; ``zero`` on either side acts as zeros.
    ///
    /// - Complexity: O(n), on all cores for large tensors.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        if rhs.isZero { return lhs }
        if lhs.isZero { return map(rhs) { -$0 } }
        return combine(lhs, rhs, "-") { $0 - $1 }
    }

    /// The element-wise (Hadamard) product.
    ///
    /// - Complexity: O(n), on all cores for large tensors.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        combine(lhs, rhs, "*") { $0 * $1 }
    }

    /// Every element multiplied by `scalar`.
    public static func * (scalar: Float, tensor: Tensor) -> Tensor {
        map(tensor) { scalar * $0 }
    }

    /// Adds `rhs` into `lhs` in place (copying `lhs`'s storage first if it is shared);
    /// ``zero`` on either side acts as the identity.
    ///
    /// - Complexity: O(n), on all cores for large tensors.
    public static func += (lhs: inout Tensor, rhs: Tensor) {
        if rhs.isZero { return }
        if lhs.isZero { lhs = rhs; return }
        precondition(lhs.shape == rhs.shape, "+=: shapes \(lhs.shape) and \(rhs.shape) differ")
        let target = lhs.uniqueStorage().base
        let source = rhs.storage.base
        parallelRanges(lhs.count) { range in
            for index in range { target[index] += source[index] }
        }
    }

    /// Applies `transform` to every element.
    @inline(__always)
    static func map(_ tensor: Tensor, _ transform: (Float) -> Float) -> Tensor {
        let result = Tensor(uninitializedShape: tensor.shape)
        let source = tensor.storage.base, target = result.storage.base
        parallelRanges(tensor.count) { range in
            for index in range { target[index] = transform(source[index]) }
        }
        return result
    }

    /// Combines two tensors of equal shape element by element.
    @inline(__always)
    static func combine(_ lhs: Tensor, _ rhs: Tensor, _ name: String, _ operation: (Float, Float) -> Float) -> Tensor {
        precondition(lhs.shape == rhs.shape, "\(name): shapes \(lhs.shape) and \(rhs.shape) differ")
        let result = Tensor(uninitializedShape: lhs.shape)
        let left = lhs.storage.base, right = rhs.storage.base, target = result.storage.base
        parallelRanges(lhs.count) { range in
            for index in range { target[index] = operation(left[index], right[index]) }
        }
        return result
    }
}

extension Tensor: Differentiable {
    /// A tensor's tangent is a tensor of the same shape (or ``zero``).
    public typealias TangentVector = Tensor

    /// Adds `offset` (``zero`` leaves the tensor unchanged).
    public mutating func move(by offset: Tensor) { self += offset }
}

extension Tensor {
    @derivative(of: +)
    @usableFromInline
    static func _vjpAdd(_ lhs: Tensor, _ rhs: Tensor) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor)) {
        (lhs + rhs, { ($0, $0) })
    }

    @derivative(of: -)
    @usableFromInline
    static func _vjpSubtract(_ lhs: Tensor, _ rhs: Tensor) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor)) {
        (lhs - rhs, { ($0, .zero - $0) })
    }

    @derivative(of: *)
    @usableFromInline
    static func _vjpMultiply(_ lhs: Tensor, _ rhs: Tensor) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor)) {
        (lhs * rhs, { v in v.isZero ? (.zero, .zero) : (v * rhs, v * lhs) })
    }

    @derivative(of: *, wrt: tensor)
    @usableFromInline
    static func _vjpScale(_ scalar: Float, _ tensor: Tensor) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
        (scalar * tensor, { v in v.isZero ? .zero : scalar * v })
    }
}
