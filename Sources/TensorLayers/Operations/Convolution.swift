import _Differentiation

/// A 2-D convolution (cross-correlation, as in PyTorch) of an NCHW batch.
///
/// Each image is unfolded (im2col) and multiplied with the filter by OpenBLAS `sgemm`;
/// images are spread over all cores, each worker reusing one unfolding buffer.
///
/// ```swift
/// // 7 × 7, stride 2, padding 3, 3 → 64 channels, no bias:
/// let y = conv2d(images, filter: w, stride: 2, padding: 3)   // [N, 64, H/2, W/2]
/// ```
/// - Parameters:
///   - input: The batch, [N, C, H, W].
///   - filter: The filters, [F, C, KH, KW].
///   - bias: One offset per filter, [F], or ``Tensor/zero`` for none.
///   - stride: The step between windows, at least 1.
///   - padding: Zero padding on every side, below the kernel size.
/// - Returns: The output, [N, F, (H + 2p − KH)/s + 1, (W + 2p − KW)/s + 1].
/// - Complexity: O(N · F · C · KH · KW · output positions).
public func conv2d(_ input: Tensor, filter: Tensor, bias: Tensor = .zero, stride: Int = 1, padding: Int = 0) -> Tensor {
    convolutionForward(input, filter, bias, stride, padding, keepingColumns: false).output
}

@derivative(of: conv2d, wrt: (input, filter, bias))
@usableFromInline
func _vjpConv2d(
    _ input: Tensor, filter: Tensor, bias: Tensor, stride: Int, padding: Int
) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor, Tensor)) {
    let hasBias = !bias.isZero
    let (output, columns) = convolutionForward(input, filter, bias, stride, padding, keepingColumns: true)
    return (output, { v in
        guard !v.isZero else { return (.zero, .zero, .zero) }
        return convolutionBackward(input, filter, v, stride, padding, columns: columns, inputGradient: true, biasGradient: hasBias)
    })
}

@derivative(of: conv2d, wrt: (filter, bias))
@usableFromInline
func _vjpConv2dParameters(
    _ input: Tensor, filter: Tensor, bias: Tensor, stride: Int, padding: Int
) -> (value: Tensor, pullback: (Tensor) -> (Tensor, Tensor)) {
    let hasBias = !bias.isZero
    let (output, columns) = convolutionForward(input, filter, bias, stride, padding, keepingColumns: true)
    return (output, { v in
        guard !v.isZero else { return (.zero, .zero) }
        let (_, dw, db) = convolutionBackward(input, filter, v, stride, padding, columns: columns, inputGradient: false, biasGradient: hasBias)
        return (dw, db)
    })
}

/// The convolution output and, when `keepingColumns` (and the kernel is not pointwise),
/// the unfolded input of every image, [N, patch, positions], for the backward pass.
func convolutionForward(
    _ input: Tensor, _ filter: Tensor, _ bias: Tensor, _ stride: Int, _ padding: Int, keepingColumns: Bool
) -> (output: Tensor, columns: TensorStorage?) {
    let geometry = convolutionGeometry(input, filter, bias, stride, padding)
    let filters = filter.shape[0], columnCount = geometry.patch * geometry.positions
    let result = Tensor(uninitializedShape: [geometry.batch, filters, geometry.outputHeight, geometry.outputWidth])
    let kept = keepingColumns && !geometry.isPointwise ? TensorStorage(uninitializedCount: geometry.batch * columnCount) : nil
    let scratch = ScratchBuffers(count: geometry.isPointwise || kept != nil ? 0 : columnCount)
    let phaseScratch = ScratchBuffers(count: geometry.isPointwise ? 0 : geometry.phaseScratchCount)
    let x = input.storage.base, w = filter.storage.base, y = result.storage.base
    let keptBase = kept?.base
    parallelTasks(geometry.batch) { image, worker in
        let source = x + image * geometry.imageSize
        let columns: UnsafePointer<Float>
        if geometry.isPointwise {
            columns = UnsafePointer(source)
        } else {
            let buffer = keptBase.map { $0 + image * columnCount } ?? scratch.buffer(for: worker)
            geometry.unfold(image: source, into: buffer, phases: phaseScratch.optionalBuffer(for: worker))
            columns = UnsafePointer(buffer)
        }
        BLAS.gemm(transposeA: false, transposeB: false,
                  m: filters, n: geometry.positions, k: geometry.patch,
                  a: w, lda: geometry.patch, b: columns, ldb: geometry.positions,
                  beta: 0, c: y + image * filters * geometry.positions, ldc: geometry.positions)
    }
    if !bias.isZero { addBias(bias, to: result, channels: filters, spatial: geometry.positions) }
    return (result, kept)
}

/// Checks the operands of ``conv2d(_:filter:bias:stride:padding:)`` and returns the geometry.
func convolutionGeometry(_ input: Tensor, _ filter: Tensor, _ bias: Tensor, _ stride: Int, _ padding: Int) -> ConvolutionGeometry {
    precondition(input.rank == 4 && filter.rank == 4 && input.shape[1] == filter.shape[1],
                 "conv2d: input \(input.shape) does not fit filter \(filter.shape)")
    precondition(bias.isZero || bias.shape == [filter.shape[0]],
                 "conv2d: bias \(bias.shape) does not fit filter \(filter.shape)")
    let geometry = ConvolutionGeometry(
        batch: input.shape[0], channels: input.shape[1], height: input.shape[2], width: input.shape[3],
        kernelHeight: filter.shape[2], kernelWidth: filter.shape[3], stride: stride, padding: padding)
    precondition(geometry.isValid, "conv2d: kernel \(filter.shape[2...]) with stride \(stride), padding \(padding) does not fit input \(input.shape)")
    return geometry
}

/// Images per weight-gradient partial sum; fixed so results do not depend on thread count.
private let imagesPerPartial = 2

/// The gradients of a convolution with respect to input, filter and bias, given the
/// output cotangent `v`.
func convolutionBackward(
    _ input: Tensor, _ filter: Tensor, _ v: Tensor, _ stride: Int, _ padding: Int,
    columns keptColumns: TensorStorage?, inputGradient: Bool, biasGradient: Bool
) -> (Tensor, Tensor, Tensor) {
    let geometry = convolutionGeometry(input, filter, .zero, stride, padding)
    let filters = filter.shape[0], patch = geometry.patch, positions = geometry.positions
    let groups = (geometry.batch + imagesPerPartial - 1) / imagesPerPartial
    let partials = TensorStorage(uninitializedCount: groups * filters * patch)
    let dx = inputGradient ? Tensor(uninitializedShape: input.shape) : .zero
    let columnCount = geometry.isPointwise ? 0 : patch * positions
    let columnScratch = ScratchBuffers(count: keptColumns == nil ? columnCount : 0)
    let phaseScratch = ScratchBuffers(count: keptColumns == nil && !geometry.isPointwise ? geometry.phaseScratchCount : 0)
    let keptBase = keptColumns?.base
    let gradientScratch = ScratchBuffers(count: inputGradient && !geometry.isPointwise ? patch * positions : 0)
    let x = input.storage.base, w = filter.storage.base, dy = v.storage.base
    let partialBase = partials.base, dxBase = dx.storage.base
    parallelTasks(groups) { group, worker in
        let partial = partialBase + group * filters * patch
        let first = group * imagesPerPartial
        for image in first..<min(first + imagesPerPartial, geometry.batch) {
            let source = x + image * geometry.imageSize
            let outputGradient = dy + image * filters * positions
            let columns: UnsafePointer<Float>
            if geometry.isPointwise {
                columns = UnsafePointer(source)
            } else if let keptBase {
                columns = UnsafePointer(keptBase + image * columnCount)
            } else {
                let buffer = columnScratch.buffer(for: worker)
                geometry.unfold(image: source, into: buffer, phases: phaseScratch.optionalBuffer(for: worker))
                columns = UnsafePointer(buffer)
            }
            // dW += dY[image] · columnsᵀ   ([F, P] · [P, K])
            BLAS.gemm(transposeA: false, transposeB: true, m: filters, n: patch, k: positions,
                      a: outputGradient, lda: positions, b: columns, ldb: positions,
                      beta: image == first ? 0 : 1, c: partial, ldc: patch)
            guard inputGradient else { continue }
            let target = dxBase + image * geometry.imageSize
            if geometry.isPointwise {
                // dX[image] = Wᵀ · dY[image]   ([C, F] · [F, P])
                BLAS.gemm(transposeA: true, transposeB: false, m: patch, n: positions, k: filters,
                          a: w, lda: patch, b: outputGradient, ldb: positions,
                          beta: 0, c: target, ldc: positions)
            } else {
                let columnGradient = gradientScratch.buffer(for: worker)
                BLAS.gemm(transposeA: true, transposeB: false, m: patch, n: positions, k: filters,
                          a: w, lda: patch, b: outputGradient, ldb: positions,
                          beta: 0, c: columnGradient, ldc: positions)
                target.update(repeating: 0, count: geometry.imageSize)
                geometry.fold(columns: columnGradient, addingInto: target)
            }
        }
    }
    let dw = Tensor(uninitializedShape: filter.shape)
    let dwBase = dw.storage.base, size = filters * patch
    parallelRanges(size, grain: 4096) { range in
        for index in range {
            var total: Float = 0
            for group in 0..<groups { total += partialBase[group * size + index] }
            dwBase[index] = total
        }
    }
    let db = biasGradient ? channelSums(v, channels: filters, spatial: positions) : .zero
    withExtendedLifetime((partials, keptColumns)) {}
    return (dx, dw, db)
}
