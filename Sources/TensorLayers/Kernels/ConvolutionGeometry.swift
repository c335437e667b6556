/// The sizes of a 2-D convolution or pooling window over an NCHW batch.
struct ConvolutionGeometry: Sendable, Equatable {
    var batch: Int, channels: Int, height: Int, width: Int
    var kernelHeight: Int, kernelWidth: Int
    var stride: Int, padding: Int

    /// The output height, `(height + 2·padding − kernelHeight) / stride + 1`.
    var outputHeight: Int { (height + 2 * padding - kernelHeight) / stride + 1 }
    /// The output width, `(width + 2·padding − kernelWidth) / stride + 1`.
    var outputWidth: Int { (width + 2 * padding - kernelWidth) / stride + 1 }
    /// Output positions per image and channel.
    var positions: Int { outputHeight * outputWidth }
    /// The length of one unfolded patch, channels · kernel area.
    var patch: Int { channels * kernelHeight * kernelWidth }
    /// Input elements per image.
    var imageSize: Int { channels * height * width }
    /// Whether unfolding is the identity (1 × 1 kernel, stride 1, no padding).
    var isPointwise: Bool { kernelHeight == 1 && kernelWidth == 1 && stride == 1 && padding == 0 }

    /// Whether the window fits: positive kernel and stride, non-negative padding smaller
    /// than the kernel, and at least one output position.
    var isValid: Bool {
        kernelHeight > 0 && kernelWidth > 0 && stride > 0 && padding >= 0
            && height + 2 * padding >= kernelHeight && width + 2 * padding >= kernelWidth
    }
}

extension ConvolutionGeometry {
    /// The valid output columns `ow` for kernel column `kw` when stride is 1:
    /// those with `0 ≤ ow − padding + kw < width`.
    @inline(__always)
    func validColumns(kernelColumn kw: Int) -> Range<Int> {
        // ow·stride − padding + kw ∈ [0, width)
        let low = max(0, (padding - kw + stride - 1) / stride)
        let last = width - 1 + padding - kw
        let high = last < 0 ? 0 : min(outputWidth, last / stride + 1)
        return low..<max(low, high)
    }

    /// The length of one phase of an input row split by column phase (see ``unfold``).
    var phaseLength: Int { (width + stride - 1) / stride }

    /// Floats of scratch ``unfold(image:into:phases:)`` needs (0 for stride 1).
    var phaseScratchCount: Int { stride == 1 ? 0 : channels * height * stride * phaseLength }

    /// Unfolds one image [channels, height, width] into a [patch, positions] matrix whose
    /// row `(c·KH + kh)·KW + kw` holds the input under kernel tap (c, kh, kw) at every
    /// output position (zero where the tap falls into the padding).
    ///
    /// With a stride above 1 the image is first split by column phase into `phases`
    /// (``phaseScratchCount`` floats): column `iw = s·j + r` goes to phase `r`, index `j`,
    /// so every strided read of a kernel tap becomes a contiguous copy.
    func unfold(image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, phases: UnsafeMutablePointer<Float>?) {
        if stride > 1, let phases {
            let phaseLength = self.phaseLength
            for row in 0..<channels * height {
                let input = image + row * width, output = phases + row * stride * phaseLength
                for column in 0..<width { output[(column % stride) * phaseLength + column / stride] = input[column] }
            }
        }
        // Locals, so that the computed sizes are not recomputed inside the loops.
        let outputHeight = self.outputHeight, outputWidth = self.outputWidth, phaseLength = self.phaseLength
        forEachTap { channel, kh, kw, tapRow, valid in
            let row = columns + tapRow
            for oh in 0..<outputHeight {
                let out = row + oh * outputWidth
                let ih = oh * stride - padding + kh
                guard ih >= 0 && ih < height else {
                    out.update(repeating: 0, count: outputWidth)
                    continue
                }
                let input = image + (channel * height + ih) * width
                out.update(repeating: 0, count: valid.lowerBound)
                let shift = kw - padding
                if stride == 1 {
                    (out + valid.lowerBound).update(from: input + valid.lowerBound + shift, count: valid.count)
                } else if let phases, !valid.isEmpty {
                    // iw = s·ow + shift = s·(ow + q) + r with r = shift mod s.
                    let r = ((shift % stride) + stride) % stride, q = (shift - r) / stride
                    let phase = phases + ((channel * height + ih) * stride + r) * phaseLength
                    (out + valid.lowerBound).update(from: phase + valid.lowerBound + q, count: valid.count)
                } else {
                    for ow in valid { out[ow] = input[ow * stride + shift] }
                }
                (out + valid.upperBound).update(repeating: 0, count: outputWidth - valid.upperBound)
            }
        }
    }

    /// Calls `body` for every kernel tap (channel, kernel row, kernel column) with the offset
    /// of its row in the [patch, positions] matrix and the output columns it reads inside the
    /// image (``validColumns(kernelColumn:)``).
    @inline(__always)
    private func forEachTap(_ body: (_ channel: Int, _ kh: Int, _ kw: Int, _ rowOffset: Int, _ valid: Range<Int>) -> Void) {
        for channel in 0..<channels {
            for kh in 0..<kernelHeight {
                for kw in 0..<kernelWidth {
                    body(channel, kh, kw, ((channel * kernelHeight + kh) * kernelWidth + kw) * positions, validColumns(kernelColumn: kw))
                }
            }
        }
    }

    /// The adjoint of ``unfold(image:into:)``: adds every entry of a [patch, positions]
    /// matrix back onto the input element it was read from. `image` must be zeroed first.
    func fold(columns: UnsafePointer<Float>, addingInto image: UnsafeMutablePointer<Float>) {
        let outputHeight = self.outputHeight, outputWidth = self.outputWidth
        forEachTap { channel, kh, kw, tapRow, valid in
            let row = columns + tapRow
            for oh in 0..<outputHeight {
                let ih = oh * stride - padding + kh
                guard ih >= 0 && ih < height else { continue }
                let source = row + oh * outputWidth
                let target = image + (channel * height + ih) * width
                let shift = kw - padding
                if stride == 1 {
                    for ow in valid { target[ow + shift] += source[ow] }
                } else {
                    for ow in valid { target[ow * stride + shift] += source[ow] }
                }
            }
        }
    }
}
