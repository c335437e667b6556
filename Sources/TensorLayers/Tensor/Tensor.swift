/// A dense tensor of `Float` with a shape and contiguous row-major storage.
///
/// Images use the NCHW layout (batch, channels, height, width). Tensors are values: copies
/// share storage until one of them is written. Every operation of the module is
/// differentiable with `_Differentiation` (the tangent of a tensor is a tensor), and the
/// empty tensor ``zero`` is the additive identity that stands for "no gradient".
///
/// ```swift
/// let x = try Tensor(shape: [1, 1, 2, 2], scalars: [1, -2, 3, -4])
/// let y = relu(x)                         // [1, 0, 3, 0]
/// let g = gradient(at: x) { sum(relu($0)) } // [1, 0, 1, 0]
/// ```
public struct Tensor: Sendable {
    /// The extent of every axis; the element count is their product.
    public let shape: [Int]
    var storage: TensorStorage

    /// A tensor of `shape` holding `scalars` in row-major order.
    ///
    /// - Parameters:
    ///   - shape: The extent of each axis, all non-negative.
    ///   - scalars: The elements, `shape.reduce(1, *)` of them, last axis fastest.
    /// - Throws: ``TensorError`` when a dimension is negative or the count does not match.
    /// - Complexity: O(n) to copy the scalars.
    public init(shape: [Int], scalars: [Float]) throws(TensorError) {
        let count = try Tensor.elementCount(of: shape)
        guard count == scalars.count else {
            throw TensorError(.shapeMismatch, "shape \(shape) needs \(count) scalars, got \(scalars.count)")
        }
        self.init(uninitializedShape: shape)
        _ = scalars.withUnsafeBufferPointer { storage.mutableBuffer.initialize(fromContentsOf: $0) }
    }

    /// A tensor of `shape` with every element equal to `value`.
    ///
    /// - Parameters:
    ///   - value: The element.
    ///   - shape: The extent of each axis, all non-negative.
    /// - Throws: ``TensorError`` when a dimension is negative.
    public init(repeating value: Float, shape: [Int]) throws(TensorError) {
        _ = try Tensor.elementCount(of: shape)
        self.init(filling: value, shape: shape)
    }

    /// A tensor whose elements are not yet written; the caller writes all of them.
    init(uninitializedShape shape: [Int]) {
        self.shape = shape
        self.storage = TensorStorage(uninitializedCount: shape.reduce(1, *))
    }

    /// A tensor of `shape` filled with `value` (shape already validated).
    init(filling value: Float, shape: [Int]) {
        self.init(uninitializedShape: shape)
        let buffer = storage.mutableBuffer
        parallelRanges(buffer.count) { range in
            for index in range { buffer[index] = value }
        }
    }

    /// The same storage seen with another shape of equal element count.
    init(sharing storage: TensorStorage, shape: [Int]) {
        self.shape = shape
        self.storage = storage
    }

    /// The number of elements.
    public var count: Int { storage.count }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The elements in row-major order.
    public var scalars: [Float] { Array(storage.buffer) }

    /// The only element of a one-element tensor, or `nil`.
    public var scalar: Float? { count == 1 ? storage.base[0] : nil }

    /// The product of `shape`, after checking every dimension is non-negative.
    static func elementCount(of shape: [Int]) throws(TensorError) -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError(.invalidArgument, "shape \(shape) has a negative dimension")
        }
        return shape.reduce(1, *)
    }

    /// Makes the storage unique (copying it if shared) and returns it for writing.
    mutating func uniqueStorage() -> TensorStorage {
        if !isKnownUniquelyReferenced(&storage) {
            let copy = TensorStorage(uninitializedCount: storage.count)
            copy.mutableBuffer.baseAddress!.initialize(from: storage.base, count: storage.count)
            storage = copy
        }
        return storage
    }
}

extension Tensor: Equatable {
    /// Two tensors are equal when their shapes and elements are.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.storage.buffer.elementsEqual(rhs.storage.buffer)
    }
}

extension Tensor: CustomStringConvertible {
    /// The shape and the first few elements.
    public var description: String {
        let shown = storage.buffer.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), scalars: [\(shown)\(count > 8 ? ", …" : "")])"
    }
}
