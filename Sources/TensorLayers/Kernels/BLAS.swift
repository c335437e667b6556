import COpenBLAS

/// The raw OpenBLAS calls of the module, behind one internal function.
enum BLAS {
    /// OpenBLAS runs single-threaded: the kernels split work over images and rows
    /// themselves, which keeps both cores busy without a fork–join per small product.
    private static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// Row-major `C = alpha · op(A) · op(B) + beta · C` with `op(A)` of size m × k and
    /// `op(B)` of size k × n.
    static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        _ = singleThreaded
        guard m > 0, n > 0 else { return }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb),
            beta, c, blasint(ldc))
    }
}
