extension NumPyArray {
    /// Encodes the array as a `.npy` file byte for byte the way `numpy.save` does: version
    /// 1.0 (2.0 when the header exceeds 65 535 bytes), C order, little-endian, the header
    /// padded with spaces and a newline so that the data starts at a multiple of 64 bytes.
    ///
    /// The layout follows the published format description (numpy.lib.format, NEP 1),
    /// including the spaces NumPy reserves so that the first dimension can grow in place.
    ///
    /// - Returns: the bytes of the file.
    /// - Complexity: O(number of elements).
    public func npyBytes() -> [UInt8] {
        var literal = NumPyHeader(descriptor: elements.descriptor, fortranOrder: false, shape: shape).literal
        if let first = shape.first {
            // Room for the first dimension to grow to 21 digits without rewriting the data.
            literal += String(repeating: " ", count: max(0, 21 - String(first).count))
        }
        var (major, lengthBytes) = (UInt8(1), 2)
        var header = Self.padded(literal, preambleLength: 10)
        if header.count > Int(UInt16.max) {
            (major, lengthBytes) = (2, 4)
            header = Self.padded(literal, preambleLength: 12)
        }
        var bytes = Self.magic + [major, 0]
        bytes += (0..<lengthBytes).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) }
        bytes += header
        switch elements {
        case .float32(let values): for value in values { append(UInt64(value.bitPattern), width: 4, to: &bytes) }
        case .float64(let values): for value in values { append(value.bitPattern, width: 8, to: &bytes) }
        case .int64(let values): for value in values { append(UInt64(bitPattern: value), width: 8, to: &bytes) }
        case .uint8(let values): bytes += values
        case .bool(let values): bytes += values.map { $0 ? 1 : 0 }
        }
        return bytes
    }

    /// The header text padded with spaces and ended with a newline so that the preamble
    /// plus header length is a multiple of 64 (NumPy adds a full 64 when already aligned).
    private static func padded(_ literal: String, preambleLength: Int) -> [UInt8] {
        var header = Array(literal.utf8)
        let total = preambleLength + header.count + 1
        header += [UInt8](repeating: 0x20, count: 64 - total % 64)
        header.append(0x0A)
        return header
    }

    private func append(_ word: UInt64, width: Int, to bytes: inout [UInt8]) {
        for offset in 0..<width { bytes.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(offset)))) }
    }
}
