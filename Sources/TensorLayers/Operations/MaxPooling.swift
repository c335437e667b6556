import _Differentiation

/// Max pooling over square windows of an NCHW batch (padding never wins the maximum).
///
/// ```swift
/// let y = maxPool2d(x, kernelSize: 3, stride: 2, padding: 1)   // ResNet stem
/// ```
/// - Parameters:
///   - x: The batch, [N, C, H, W].
///   - kernelSize: The window side, at least 1.
///   - stride: The step between windows, at least 1.
///   - padding: Implicit padding on every side, at most half the window.
/// - Returns: [N, C, (H + 2p − k)/s + 1, (W + 2p − k)/s + 1].
/// - Complexity: O(N · C · output positions · k²).
public func maxPool2d(_ x: Tensor, kernelSize: Int, stride: Int, padding: Int = 0) -> Tensor {
    poolingWindows(x, kernelSize, stride, padding).pool(x).output
}

@derivative(of: maxPool2d, wrt: x)
@usableFromInline
func _vjpMaxPool2d(_ x: Tensor, kernelSize: Int, stride: Int, padding: Int) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let windows = poolingWindows(x, kernelSize, stride, padding)
    let (output, winners) = windows.pool(x)
    let shape = x.shape
    return (output, { v in v.isZero ? .zero : windows.scatter(v, winners: winners, inputShape: shape) })
}

/// Max pooling to a fixed output size, with PyTorch's adaptive bins: output row `i` covers
/// input rows `⌊i·H/OH⌋ ..< ⌈(i+1)·H/OH⌉` (likewise for columns).
///
/// ```swift
/// let grid = adaptiveMaxPool2d(features, outputHeight: 12, outputWidth: 12)
/// ```
/// - Parameters:
///   - x: The batch, [N, C, H, W].
///   - outputHeight: The output height, in `1...H`.
///   - outputWidth: The output width, in `1...W`.
/// - Returns: [N, C, outputHeight, outputWidth].
/// - Complexity: O(N · C · H · W).
public func adaptiveMaxPool2d(_ x: Tensor, outputHeight: Int, outputWidth: Int) -> Tensor {
    adaptiveWindows(x, outputHeight, outputWidth).pool(x).output
}

@derivative(of: adaptiveMaxPool2d, wrt: x)
@usableFromInline
func _vjpAdaptiveMaxPool2d(_ x: Tensor, outputHeight: Int, outputWidth: Int) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let windows = adaptiveWindows(x, outputHeight, outputWidth)
    let (output, winners) = windows.pool(x)
    let shape = x.shape
    return (output, { v in v.isZero ? .zero : windows.scatter(v, winners: winners, inputShape: shape) })
}

/// The windows of a fixed-size pooling, clipped to the input.
func poolingWindows(_ x: Tensor, _ kernelSize: Int, _ stride: Int, _ padding: Int) -> PoolingWindows {
    precondition(x.rank == 4, "maxPool2d: input \(x.shape) is not NCHW")
    precondition(kernelSize > 0 && stride > 0 && padding >= 0 && 2 * padding <= kernelSize
                 && x.shape[2] + 2 * padding >= kernelSize && x.shape[3] + 2 * padding >= kernelSize,
                 "maxPool2d: kernel \(kernelSize), stride \(stride), padding \(padding) do not fit \(x.shape)")
    func ranges(_ extent: Int) -> [Range<Int>] {
        let count = (extent + 2 * padding - kernelSize) / stride + 1
        return (0..<count).map { index in
            let start = index * stride - padding
            return max(0, start)..<min(extent, start + kernelSize)
        }
    }
    return PoolingWindows(rows: ranges(x.shape[2]), columns: ranges(x.shape[3]))
}

/// The bins of an adaptive pooling.
func adaptiveWindows(_ x: Tensor, _ outputHeight: Int, _ outputWidth: Int) -> PoolingWindows {
    precondition(x.rank == 4 && (1...max(1, x.shape[2])).contains(outputHeight) && (1...max(1, x.shape[3])).contains(outputWidth)
                 && x.shape[2] > 0 && x.shape[3] > 0,
                 "adaptiveMaxPool2d: cannot pool \(x.shape) to \(outputHeight) × \(outputWidth)")
    func bins(_ extent: Int, _ count: Int) -> [Range<Int>] {
        (0..<count).map { index in (index * extent / count)..<(((index + 1) * extent + count - 1) / count) }
    }
    return PoolingWindows(rows: bins(x.shape[2], outputHeight), columns: bins(x.shape[3], outputWidth))
}

/// Rectangular pooling windows: output (i, j) covers input rows `rows[i]`, columns `columns[j]`.
struct PoolingWindows {
    let rows: [Range<Int>]
    let columns: [Range<Int>]

    /// The window maxima and, for each, the index of the winning element in its plane.
    func pool(_ x: Tensor) -> (output: Tensor, winners: TensorStorage) {
        let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let planeIn = height * width, planeOut = rows.count * columns.count
        let output = Tensor(uninitializedShape: [batch, channels, rows.count, columns.count])
        // Pooled storage: the winners of a large batch are too big to page-fault every step.
        let winners = TensorStorage(uninitializedCount: output.count)
        let source = x.storage.base, target = output.storage.base
        let rowBounds = rows.map { (Int32($0.lowerBound), Int32($0.upperBound)) }
        let columnBounds = columns.map { (Int32($0.lowerBound), Int32($0.upperBound)) }
        winners.base.withMemoryRebound(to: Int32.self, capacity: output.count) { best in
            rowBounds.withUnsafeBufferPointer { rowBounds in
                columnBounds.withUnsafeBufferPointer { columnBounds in
                    parallelTasks(batch * channels) { plane, _ in
                        let input = source + plane * planeIn
                        var outIndex = plane * planeOut
                        for (rowLow, rowHigh) in rowBounds {
                            for (columnLow, columnHigh) in columnBounds {
                                let (maximum, winner) = rowHigh - rowLow == 3 && columnHigh - columnLow == 3
                                    ? Self.maximumOf3x3(input, width: width, row: Int(rowLow), column: Int(columnLow))
                                    : Self.maximum(input, width: width, rows: Int(rowLow)..<Int(rowHigh), columns: Int(columnLow)..<Int(columnHigh))
                                target[outIndex] = maximum
                                best[outIndex] = Int32(winner)
                                outIndex += 1
                            }
                        }
                    }
                }
            }
        }
        return (output, winners)
    }

    /// The maximum of a window and the plane index of its first occurrence (row-major).
    @inline(__always)
    static func maximum(_ input: UnsafePointer<Float>, width: Int, rows: Range<Int>, columns: Range<Int>) -> (Float, Int) {
        // The maximum first (branch-free), then the first element equal to it: comparing
        // random data branch by branch mispredicts.
        var maximum = input[rows.lowerBound * width + columns.lowerBound]
        for row in rows {
            let line = input + row * width
            for column in columns { maximum = max(maximum, line[column]) }
        }
        for row in rows {
            let line = input + row * width
            for column in columns where line[column] == maximum { return (maximum, row * width + column) }
        }
        return (maximum, rows.lowerBound * width + columns.lowerBound)   // NaN in the window
    }

    /// ``maximum(_:width:rows:columns:)`` for a full 3 × 3 window, without branches.
    @inline(__always)
    static func maximumOf3x3(_ input: UnsafePointer<Float>, width: Int, row: Int, column: Int) -> (Float, Int) {
        let top = input + row * width + column, middle = top + width, bottom = middle + width
        let values = (top[0], top[1], top[2], middle[0], middle[1], middle[2], bottom[0], bottom[1], bottom[2])
        let maximum = max(max(max(values.0, values.1), max(values.2, values.3)),
                          max(max(values.4, values.5), max(max(values.6, values.7), values.8)))
        // From the last to the first, so the first occurrence wins.
        var offset = 2 * width + 2
        offset = values.7 == maximum ? 2 * width + 1 : offset
        offset = values.6 == maximum ? 2 * width : offset
        offset = values.5 == maximum ? width + 2 : offset
        offset = values.4 == maximum ? width + 1 : offset
        offset = values.3 == maximum ? width : offset
        offset = values.2 == maximum ? 2 : offset
        offset = values.1 == maximum ? 1 : offset
        offset = values.0 == maximum ? 0 : offset
        return (maximum, row * width + column + offset)
    }

    /// The input gradient: every output cotangent added onto its window's winner.
    func scatter(_ v: Tensor, winners: TensorStorage, inputShape: [Int]) -> Tensor {
        let planeIn = inputShape[2] * inputShape[3], planeOut = rows.count * columns.count
        let planes = inputShape[0] * inputShape[1]
        let dx = Tensor(uninitializedShape: inputShape)
        let source = v.storage.base, target = dx.storage.base
        winners.base.withMemoryRebound(to: Int32.self, capacity: winners.count) { best in
            parallelTasks(planes) { plane, _ in
                let gradient = target + plane * planeIn
                gradient.update(repeating: 0, count: planeIn)
                for index in plane * planeOut..<(plane + 1) * planeOut {
                    gradient[Int(best[index])] += source[index]
                }
            }
        }
        return dx
    }
}
