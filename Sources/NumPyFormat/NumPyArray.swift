/// An n-dimensional array as stored in a NumPy `.npy` file: a shape and its elements in C
/// (row-major) order.
///
/// Reads and writes format versions 1.0 and 2.0 (and 3.0, which differs only in the header
/// encoding) with little-endian float32, float64, int64, uint8 and bool elements. Anything
/// else (big-endian data, Fortran order, other types, truncated files, malformed headers)
/// is a ``NumPyError``.
///
/// ```swift
/// let theta = try NumPyArray(shape: [2, 3], elements: .float32([1, 2, 3, 4, 5, 6]))
/// let bytes = theta.npyBytes()                 // what numpy.save writes
/// let back = try NumPyArray(npyBytes: bytes)
/// try back.floatValues()                       // [1, 2, 3, 4, 5, 6]
/// ```
public struct NumPyArray: Sendable, Hashable {
    /// The elements, in C order, with their type.
    public enum Elements: Sendable, Hashable {
        /// `<f4`.
        case float32([Float])
        /// `<f8`.
        case float64([Double])
        /// `<i8`.
        case int64([Int64])
        /// `|u1`.
        case uint8([UInt8])
        /// `|b1`.
        case bool([Bool])

        /// The number of elements.
        public var count: Int {
            switch self {
            case .float32(let values): values.count
            case .float64(let values): values.count
            case .int64(let values): values.count
            case .uint8(let values): values.count
            case .bool(let values): values.count
            }
        }

        /// The NumPy type descriptor (`<f4`, `<f8`, `<i8`, `|u1`, `|b1`).
        public var descriptor: String {
            switch self {
            case .float32: "<f4"
            case .float64: "<f8"
            case .int64: "<i8"
            case .uint8: "|u1"
            case .bool: "|b1"
            }
        }
    }

    /// The extent of each dimension (empty for a scalar).
    public let shape: [Int]
    /// The elements in C order; their count is the product of ``shape``.
    public let elements: Elements

    /// Creates an array.
    ///
    /// - Throws: ``NumPyError`` of kind `.sizeMismatch` when a dimension is negative or the
    ///   number of elements is not the product of the shape.
    public init(shape: [Int], elements: Elements) throws(NumPyError) {
        guard let count = Self.elementCount(of: shape) else {
            throw NumPyError(.sizeMismatch, "invalid shape \(shape): dimensions must be non-negative and their product must fit in an Int")
        }
        guard count == elements.count else {
            throw NumPyError(.sizeMismatch, "shape \(shape) needs \(count) elements, got \(elements.count)")
        }
        self.shape = shape
        self.elements = elements
    }

    /// The elements as `Float`s, for float32 and float64 arrays (float64 values are rounded).
    ///
    /// - Throws: ``NumPyError`` of kind `.wrongElementType` for other element types.
    public func floatValues() throws(NumPyError) -> [Float] {
        switch elements {
        case .float32(let values): return values
        case .float64(let values): return values.map { Float($0) }
        default:
            throw NumPyError(.wrongElementType, "expected float32 or float64 data, found '\(elements.descriptor)'")
        }
    }

    /// The product of the dimensions, or `nil` when one is negative or it overflows.
    static func elementCount(of shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            count = product
        }
        return count
    }
}
