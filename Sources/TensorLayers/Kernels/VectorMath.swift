/// Float reductions with SIMD accumulators (the compiler does not reassociate float sums,
/// so plain loops run one dependent add at a time).
enum VectorMath {
    /// Σ a[i] for i in 0..<count.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Float>, _ count: Int) -> Float {
        let raw = UnsafeRawPointer(a)
        var first = SIMD16<Float>(), second = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            first += raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            second += raw.loadUnaligned(fromByteOffset: index * 4 + 64, as: SIMD16<Float>.self)
            index += 32
        }
        var total = (first + second).sum()
        while index < count { total += a[index]; index += 1 }
        return total
    }

    /// Σ (a[i] − shift)² for i in 0..<count.
    @inline(__always)
    static func sumOfSquares(_ a: UnsafePointer<Float>, _ count: Int, around shift: Float) -> Float {
        let raw = UnsafeRawPointer(a)
        let center = SIMD16<Float>(repeating: shift)
        var first = SIMD16<Float>(), second = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            let x = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self) - center
            let y = raw.loadUnaligned(fromByteOffset: index * 4 + 64, as: SIMD16<Float>.self) - center
            first += x * x
            second += y * y
            index += 32
        }
        var total = (first + second).sum()
        while index < count { let d = a[index] - shift; total += d * d; index += 1 }
        return total
    }

    /// Σ a[i] · (b[i] − shift) for i in 0..<count.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int, shift: Float = 0) -> Float {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        let center = SIMD16<Float>(repeating: shift)
        var first = SIMD16<Float>(), second = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            first += rawA.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                * (rawB.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self) - center)
            second += rawA.loadUnaligned(fromByteOffset: index * 4 + 64, as: SIMD16<Float>.self)
                * (rawB.loadUnaligned(fromByteOffset: index * 4 + 64, as: SIMD16<Float>.self) - center)
            index += 32
        }
        var total = (first + second).sum()
        while index < count { total += a[index] * (b[index] - shift); index += 1 }
        return total
    }
}
