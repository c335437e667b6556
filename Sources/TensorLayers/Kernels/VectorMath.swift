/// Float reductions with SIMD accumulators (the compiler does not reassociate float sums,
/// so plain loops run one dependent add at a time).
enum VectorMath {
    /// Σ a[i] for i in 0..<count.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Float>, _ count: Int) -> Float {
        let raw = UnsafeRawPointer(a)
        return accumulate(count, { raw.loadUnaligned(fromByteOffset: $0 * 4, as: SIMD16<Float>.self) }, { a[$0] })
    }

    /// Σ (a[i] − shift)² for i in 0..<count.
    @inline(__always)
    static func sumOfSquares(_ a: UnsafePointer<Float>, _ count: Int, around shift: Float) -> Float {
        let raw = UnsafeRawPointer(a)
        let center = SIMD16<Float>(repeating: shift)
        return accumulate(count, { index in
            let x = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self) - center
            return x * x
        }, { index in
            let d = a[index] - shift
            return d * d
        })
    }

    /// Σ a[i] · (b[i] − shift) for i in 0..<count.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int, shift: Float = 0) -> Float {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        let center = SIMD16<Float>(repeating: shift)
        return accumulate(count, { index in
            rawA.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                * (rawB.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self) - center)
        }, { a[$0] * (b[$0] - shift) })
    }

    /// Σ of `element(i)` for i in 0..<count, summed as two interleaved SIMD16 accumulators
    /// over blocks of 32 (`lanes(i)` gives elements i ..< i + 16), then the tail one by one.
    @inline(__always)
    private static func accumulate(_ count: Int, _ lanes: (Int) -> SIMD16<Float>, _ element: (Int) -> Float) -> Float {
        var first = SIMD16<Float>(), second = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            first += lanes(index)
            second += lanes(index + 16)
            index += 32
        }
        var total = (first + second).sum()
        while index < count { total += element(index); index += 1 }
        return total
    }
}
