/// (f(x + h e_j) − f(x − h e_j)) / 2h: the central difference of `f` along coordinate `j`.
func centralDifference(_ f: ([Float]) -> Double, at x: [Float], coordinate j: Int, step h: Float = 1e-3) -> Double {
    var up = x, down = x
    up[j] += h
    down[j] -= h
    return (f(up) - f(down)) / Double(2 * h)
}
