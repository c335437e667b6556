import Foundation
import PredictThenOptimizeKit

/// An SVG bar chart of a problem's table: one bar per method for the mean normalised test
/// regret, a whisker of ± one standard deviation over seeds, and the mean training time
/// printed under the method's name.
struct RegretBarChart {
    let title: String
    let rows: [MethodSummary]

    func render(width: Double = 820, height: Double = 440) -> String {
        let left = 60.0, right = 20.0, top = 40.0, bottom = 90.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let highest = rows.map { 100 * ($0.regretMean + $0.regretStandardDeviation) }.filter(\.isFinite).max() ?? 1
        let ceiling = max(Self.niceCeiling(highest), 1e-9)
        func y(_ value: Double) -> Double { top + (1 - min(max(value, 0), ceiling) / ceiling) * plotHeight }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(width / 2)" y="22" text-anchor="middle" font-size="14">\(escape(title))</text>
        <text transform="translate(16,\(top + plotHeight / 2)) rotate(-90)" text-anchor="middle">normalised test regret (%)</text>

        """
        for i in 0...5 {
            let value = ceiling * Double(i) / 5
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(y(value))\" y2=\"\(y(value))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(value) + 4)\" text-anchor=\"end\">\(String(format: "%.1f", value))</text>\n"
        }
        let slot = plotWidth / Double(max(rows.count, 1))
        for (index, row) in rows.enumerated() {
            let centre = left + (Double(index) + 0.5) * slot
            let mean = 100 * row.regretMean, spread = 100 * row.regretStandardDeviation
            let colour = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"][index % 5]
            svg += "<rect x=\"\(centre - slot * 0.35)\" y=\"\(y(mean))\" width=\"\(slot * 0.7)\" height=\"\(y(0) - y(mean))\" fill=\"\(colour)\" opacity=\"0.8\"/>"
            svg += "<line x1=\"\(centre)\" x2=\"\(centre)\" y1=\"\(y(mean - spread))\" y2=\"\(y(mean + spread))\" stroke=\"black\"/>"
            svg += "<text x=\"\(centre)\" y=\"\(y(mean + spread) - 4)\" text-anchor=\"middle\" font-size=\"10\">\(String(format: "%.2f", mean))</text>"
            svg += "<text x=\"\(centre)\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\" font-size=\"11\">\(escape(row.method.title))</text>"
            svg += "<text x=\"\(centre)\" y=\"\(top + plotHeight + 32)\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">\(String(format: "%.3g s", row.secondsMean))</text>\n"
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 20)\" text-anchor=\"middle\" fill=\"#555\">bars: mean over seeds, whiskers: ± 1 s.d.; grey: mean training time</text>\n"
        return svg + "</svg>\n"
    }

    /// The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 or 10 times a power of ten at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        return [1.0, 1.5, 2, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= value } ?? value
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
