/// `C = op(A) · op(B) + beta · C` (row-major, m × n result), with the rows of C split
/// over the kernel workers in fixed blocks.
func parallelGemm(
    transposeA: Bool, transposeB: Bool,
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    let rowsPerBlock = 64
    let blocks = (m + rowsPerBlock - 1) / rowsPerBlock
    // Small products are not worth the threads.
    if blocks <= 1 || m * n * k < 1 << 20 {
        BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                  a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
        return
    }
    parallelTasks(blocks) { block, _ in
        let first = block * rowsPerBlock
        let rows = min(rowsPerBlock, m - first)
        BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: rows, n: n, k: k,
                  a: transposeA ? a + first : a + first * lda, lda: lda,
                  b: b, ldb: ldb, beta: beta, c: c + first * ldc, ldc: ldc)
    }
}
