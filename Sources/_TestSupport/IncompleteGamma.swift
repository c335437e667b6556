#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), the CDF of
/// Gamma(a, 1), in double precision: the power series Σ xⁿ / ((a+1)⋯(a+n)) for x < a + 1
/// and the continued fraction of Q = 1 − P (evaluated by the modified Lentz method) beyond.
public func regularizedLowerGamma(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 0 }
    let prefactor = exp(a * log(x) - x - lgamma(a))
    if x < a + 1 {
        var term = 1 / a, sum = term, denominator = a
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return min(1, sum * prefactor)
    }
    let tiny = 1e-300
    var b = x + 1 - a, c = 1 / tiny, d = 1 / b, fraction = d
    for i in 1..<10_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if abs(d) < tiny { d = tiny }
        c = b + an / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let step = d * c
        fraction *= step
        if abs(step - 1) < 1e-16 { break }
    }
    return max(0, 1 - prefactor * fraction)
}

/// A Gamma(a, 1) deviate by inversion of ``regularizedLowerGamma(_:_:)``: bisection on log x
/// until P(a, x) = u (an independent, slow, high-precision reference sampler).
public func gammaByInversion(shape a: Double, uniform u: Double) -> Double {
    var low = -60 / a - 20, high = log(a + 60)
    for _ in 0..<80 {
        let middle = (low + high) / 2
        if regularizedLowerGamma(a, exp(middle)) < u { low = middle } else { high = middle }
    }
    return exp((low + high) / 2)
}

/// The Kolmogorov–Smirnov distance between a sample and a CDF that is continuous except
/// possibly for an atom at the sample's smallest value (e.g. deviates rounded to 0).
///
/// Tied values are compared once, after the tie: where the model has an atom, F jumps there
/// as the empirical CDF does; comparing F(x) with the count before the tie would measure
/// the atom itself.
public func kolmogorovSmirnovDistance(_ sample: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = sample.sorted(), n = Double(sample.count)
    var distance = 0.0, start = 0
    while start < sorted.count {
        var end = start + 1
        while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
        let f = cdf(sorted[start])
        distance = max(distance, abs(f - Double(end) / n))
        if end == start + 1 { distance = max(distance, abs(f - Double(start) / n)) }
        start = end
    }
    return distance
}

/// The two-sample Kolmogorov–Smirnov distance sup |F₁ − F₂| of the empirical CDFs.
public func kolmogorovSmirnovDistance(_ first: [Double], _ second: [Double]) -> Double {
    let a = first.sorted(), b = second.sorted()
    var i = 0, j = 0, distance = 0.0
    while i < a.count && j < b.count {
        let x = min(a[i], b[j])
        while i < a.count && a[i] <= x { i += 1 }
        while j < b.count && b[j] <= x { j += 1 }
        distance = max(distance, abs(Double(i) / Double(a.count) - Double(j) / Double(b.count)))
    }
    return distance
}
