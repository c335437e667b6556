import Foundation

/// A minimal SVG line chart: several named series of (x, y) points with optional error
/// bars, linear or logarithmic x axis, axis ticks, labels and a legend.
///
/// ```swift
/// var plot = SVGLinePlot(title: "Cosine similarity", xLabel: "S", yLabel: "cosine", logarithmicX: true)
/// plot.add(series: "AIMLE", points: [(1, 0.3), (10, 0.7)], errors: [0.05, 0.02])
/// try plot.write(to: URL(fileURLWithPath: "fidelity.svg"))
/// ```
public struct SVGLinePlot {
    struct Series {
        let name: String
        let points: [(x: Double, y: Double)]
        let errors: [Double]?
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logarithmicX: Bool
    public var yRange: ClosedRange<Double>?
    var series: [Series] = []

    public init(title: String, xLabel: String, yLabel: String, logarithmicX: Bool = false,
                yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logarithmicX = logarithmicX
        self.yRange = yRange
    }

    /// Adds a series; `errors`, when given, are half-heights of error bars, one per point.
    public mutating func add(series name: String, points: [(x: Double, y: Double)], errors: [Double]? = nil) {
        series.append(Series(name: name, points: points, errors: errors))
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
                          "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8"]

    /// The SVG document.
    public func render(width: Double = 760, height: Double = 440) -> String {
        let left = 70.0, right = 220.0, top = 40.0, bottom = 55.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xs = series.flatMap { $0.points.map(\.x) }.filter { !logarithmicX || $0 > 0 }
        let ys = series.flatMap { s in s.points.enumerated().flatMap { i, p in
            [p.y - (s.errors?[i] ?? 0), p.y + (s.errors?[i] ?? 0)] } }.filter(\.isFinite)
        func transform(_ x: Double) -> Double { logarithmicX ? log10(x) : x }
        let xMin = transform(xs.min() ?? 0), xMax = max(transform(xs.max() ?? 1), xMin + 1e-9)
        let yLow = yRange?.lowerBound ?? (ys.min() ?? 0), yHigh = max(yRange?.upperBound ?? (ys.max() ?? 1), yLow + 1e-9)
        func px(_ x: Double) -> Double { left + (transform(x) - xMin) / (xMax - xMin) * plotWidth }
        func py(_ y: Double) -> Double { top + (1 - (min(max(y, yLow), yHigh) - yLow) / (yHigh - yLow)) * plotHeight }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(left + plotWidth / 2)" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>
        <rect x="\(left)" y="\(top)" width="\(plotWidth)" height="\(plotHeight)" fill="none" stroke="#333"/>

        """
        for i in 0...5 {
            let y = yLow + Double(i) / 5 * (yHigh - yLow)
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(py(y))\" y2=\"\(py(y))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(py(y) + 4)\" text-anchor=\"end\">\(format(y))</text>\n"
        }
        for tick in xTicks(xMin, xMax) {
            let x = left + (tick - xMin) / (xMax - xMin) * plotWidth
            let label = logarithmicX ? format(pow(10, tick)) : format(tick)
            svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(top + plotHeight)\" y2=\"\(top + plotHeight + 5)\" stroke=\"#333\"/>"
            svg += "<text x=\"\(x)\" y=\"\(top + plotHeight + 18)\" text-anchor=\"middle\">\(label)</text>\n"
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 12)\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        svg += "<text transform=\"translate(18,\(top + plotHeight / 2)) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        for (index, s) in series.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            let path = s.points.filter { !logarithmicX || $0.x > 0 }.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(path)\"/>\n"
            for (i, p) in s.points.enumerated() where !logarithmicX || p.x > 0 {
                svg += "<circle cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"3\" fill=\"\(colour)\"/>"
                if let e = s.errors?[i], e > 0 {
                    svg += "<line x1=\"\(px(p.x))\" x2=\"\(px(p.x))\" y1=\"\(py(p.y - e))\" y2=\"\(py(p.y + e))\" stroke=\"\(colour)\"/>"
                }
            }
            let ly = top + 10 + Double(index) * 18
            svg += "\n<line x1=\"\(left + plotWidth + 12)\" x2=\"\(left + plotWidth + 32)\" y1=\"\(ly)\" y2=\"\(ly)\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
            svg += "<text x=\"\(left + plotWidth + 38)\" y=\"\(ly + 4)\">\(escape(s.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Writes the SVG document to `url`.
    public func write(to url: URL) throws {
        try render().write(to: url, atomically: true, encoding: .utf8)
    }

    /// The x positions (already log₁₀ for a logarithmic axis) that get a tick and a label:
    /// the powers of ten inside a logarithmic range, a "nice" step (1, 2 or 5 times a power of
    /// ten) otherwise; the range's two ends when no such tick falls inside it (a logarithmic
    /// range within one decade, e.g. S from 2 to 5) or the range is not finite.
    private func xTicks(_ low: Double, _ high: Double) -> [Double] {
        guard low.isFinite, high.isFinite, low < high else { return [low, high].filter(\.isFinite) }
        if logarithmicX {
            let first = ceil(low), last = floor(high)
            return first <= last ? (Int(first)...Int(last)).map(Double.init) : [low, high]
        }
        let raw = (high - low) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        guard step > 0, step.isFinite else { return [low, high] }
        return stride(from: ceil(low / step) * step, through: high + step * 1e-9, by: step).map { $0 }
    }

    private func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 10_000 { return String(Int(value)) }
        if value != 0 && (abs(value) >= 10_000 || abs(value) < 0.01) { return String(format: "%.0e", value) }
        return String(format: abs(value) >= 10 ? "%.0f" : "%.2f", value)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
