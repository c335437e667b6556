/// Brute-force enumeration of assignments and rankings on small instances, for comparing
/// solvers with ``BruteForce/optimum(of:over:sense:tolerance:)``.
///
/// ```swift
/// let states = PermutationEnumeration.assignments(rows: 2, columns: 3)   // 6 matrices
/// ```
public enum PermutationEnumeration {
    /// Every 0/1 `rows × columns` matrix (row-major) that matches each element of the smaller
    /// side with a distinct element of the larger side: m!/(m − n)! of them for n ≤ m.
    public static func assignments(rows: Int, columns: Int) -> [[Float]] {
        let small = min(rows, columns), large = max(rows, columns)
        var result: [[Float]] = []
        var chosen = [Int]()
        var used = [Bool](repeating: false, count: large)
        func extend() {
            if chosen.count == small {
                var z = [Float](repeating: 0, count: rows * columns)
                for (s, l) in chosen.enumerated() {
                    z[rows <= columns ? s * columns + l : l * columns + s] = 1
                }
                result.append(z)
                return
            }
            for l in 0..<large where !used[l] {
                used[l] = true; chosen.append(l)
                extend()
                used[l] = false; chosen.removeLast()
            }
        }
        extend()
        return result
    }

    /// Whether `z` is a valid assignment matrix of that shape: 0/1 entries, every element of
    /// the smaller side matched exactly once, every element of the larger side at most once.
    public static func isAssignment(_ z: [Float], rows: Int, columns: Int) -> Bool {
        guard z.count == rows * columns, z.allSatisfy({ $0 == 0 || $0 == 1 }) else { return false }
        let rowSums = (0..<rows).map { r in (0..<columns).reduce(Float(0)) { $0 + z[r * columns + $1] } }
        let columnSums = (0..<columns).map { c in (0..<rows).reduce(Float(0)) { $0 + z[$1 * columns + c] } }
        let (smallSums, largeSums) = rows <= columns ? (rowSums, columnSums) : (columnSums, rowSums)
        return smallSums.allSatisfy { $0 == 1 } && largeSums.allSatisfy { $0 <= 1 }
    }

    /// All rank vectors of length n: the permutations of 1 … n, as `Float`s.
    public static func rankVectors(count n: Int) -> [[Float]] {
        BruteForce.permutations(of: n).map { $0.map { Float($0 + 1) } }
    }

    /// Whether `z` is a permutation of 1 … z.count.
    public static func isRankVector(_ z: [Float]) -> Bool {
        z.sorted() == (0..<z.count).map { Float($0 + 1) }
    }
}
