extension NumPyArray {
    /// The magic string every `.npy` file starts with.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Decodes the contents of a `.npy` file.
    ///
    /// - Parameter bytes: the whole file.
    /// - Throws: ``NumPyError``: `.notNumPy`, `.unsupportedVersion`, `.malformedHeader`,
    ///   `.unsupportedType`, `.bigEndian`, `.fortranOrder`, `.truncated` or `.sizeMismatch`.
    /// - Complexity: O(file size).
    public init(npyBytes bytes: [UInt8]) throws(NumPyError) {
        guard bytes.count >= 10 else {
            throw NumPyError(bytes.starts(with: Self.magic.prefix(bytes.count)) ? .truncated : .notNumPy,
                             "the file has only \(bytes.count) bytes, fewer than a .npy preamble")
        }
        guard bytes.starts(with: Self.magic) else {
            throw NumPyError(.notNumPy, "the file does not start with the .npy magic string \\x93NUMPY")
        }
        let major = bytes[6], minor = bytes[7]
        let lengthBytes: Int
        switch major {
        case 1: lengthBytes = 2
        case 2, 3: lengthBytes = 4
        default: throw NumPyError(.unsupportedVersion, "format version \(major).\(minor) is not supported (1.0, 2.0, 3.0)")
        }
        guard bytes.count >= 8 + lengthBytes else {
            throw NumPyError(.truncated, "the file ends inside the header length")
        }
        let headerLength = (0..<lengthBytes).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let headerStart = 8 + lengthBytes, dataStart = headerStart + headerLength
        guard bytes.count >= dataStart else {
            throw NumPyError(.truncated, "the header claims \(headerLength) bytes but the file ends after \(bytes.count - headerStart)")
        }
        let headerBytes = bytes[headerStart ..< dataStart]
        let headerText: String
        if major == 3 {
            guard let text = String(validating: headerBytes, as: UTF8.self) else {
                throw NumPyError(.malformedHeader, "the header is not valid UTF-8")
            }
            headerText = text
        } else {
            guard headerBytes.allSatisfy({ $0 < 0x80 }) else {
                throw NumPyError(.malformedHeader, "a version \(major) header must be ASCII")
            }
            headerText = String(decoding: headerBytes, as: UTF8.self)
        }
        let header = try NumPyHeader(parsing: headerText)
        try self.init(header: header, data: bytes[dataStart...])
    }

    private init(header: NumPyHeader, data: ArraySlice<UInt8>) throws(NumPyError) {
        guard !header.fortranOrder else {
            throw NumPyError(.fortranOrder, "the array is in Fortran order; save it in C order (numpy.ascontiguousarray)")
        }
        guard let count = Self.elementCount(of: header.shape) else {
            throw NumPyError(.malformedHeader, "the shape \(header.shape) is too large")
        }
        let (type, width) = try Self.elementType(header.descriptor)
        let (expected, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, data.count >= expected else {
            throw NumPyError(.truncated, "shape \(header.shape) of '\(header.descriptor)' needs \(count * width) data bytes, the file has \(data.count)")
        }
        guard data.count == expected else {
            throw NumPyError(.sizeMismatch, "shape \(header.shape) of '\(header.descriptor)' needs \(expected) data bytes, the file has \(data.count)")
        }
        let reader = LittleEndianReader(bytes: data)
        let elements: Elements = switch type {
        case .float32: .float32((0..<count).map { Float(bitPattern: UInt32(truncatingIfNeeded: reader.word($0, width: 4))) })
        case .float64: .float64((0..<count).map { Double(bitPattern: reader.word($0, width: 8)) })
        case .int64: .int64((0..<count).map { Int64(bitPattern: reader.word($0, width: 8)) })
        case .uint8: .uint8(Array(data))
        case .bool: .bool(data.map { $0 != 0 })
        }
        try self.init(shape: header.shape, elements: elements)
    }

    private enum ElementType { case float32, float64, int64, uint8, bool }

    /// The element type and width of a descriptor such as `<f4`.
    private static func elementType(_ descriptor: String) throws(NumPyError) -> (ElementType, Int) {
        let scalars = Array(descriptor.unicodeScalars)
        guard scalars.count >= 2 else {
            throw NumPyError(.unsupportedType, "data type '\(descriptor)' is not supported (float32, float64, int64, uint8, bool)")
        }
        let order = scalars[0], code = String(String.UnicodeScalarView(scalars.dropFirst()))
        let known: [String: (ElementType, Int)] = ["f4": (.float32, 4), "f8": (.float64, 8), "i8": (.int64, 8),
                                                   "u1": (.uint8, 1), "b1": (.bool, 1)]
        guard ["<", ">", "|", "="].contains(order), let (type, width) = known[code] else {
            throw NumPyError(.unsupportedType, "data type '\(descriptor)' is not supported (float32, float64, int64, uint8, bool)")
        }
        if order == ">" && width > 1 {
            throw NumPyError(.bigEndian, "data type '\(descriptor)' is big-endian; only little-endian data is supported (numpy: a.astype('<\(code)'))")
        }
        if order == "=" && width > 1 && 1.littleEndian != 1 {
            throw NumPyError(.bigEndian, "data type '\(descriptor)' is native-endian on a big-endian machine")
        }
        return (type, width)
    }
}

/// Reads little-endian words from bytes without unsafe pointers.
private struct LittleEndianReader {
    let bytes: ArraySlice<UInt8>

    func word(_ index: Int, width: Int) -> UInt64 {
        let start = bytes.startIndex + index * width
        var value: UInt64 = 0
        for offset in 0..<width { value |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
        return value
    }
}
