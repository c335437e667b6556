import Foundation
import Testing
import _ExampleSupport

/// The numeric x-axis labels of a rendered plot, in order.
private func xLabels(_ svg: String) -> [Double] {
    // Tick labels sit below the plot, centred: `<text x=… y=… text-anchor="middle">label</text>`
    // (the title is centred too, but above the plot, at y = 22).
    svg.components(separatedBy: "\n").flatMap { line in
        line.components(separatedBy: "<text ").dropFirst().compactMap { element -> Double? in
            guard element.contains("text-anchor=\"middle\""), !element.contains("y=\"22\""),
                  let open = element.firstIndex(of: ">"), let close = element.range(of: "</text>") else { return nil }
            return Double(element[element.index(after: open)..<close.lowerBound])
        }
    }
}

@Suite("SVG line plots: axes for every range")
struct SVGLinePlotTests {
    @Test("a logarithmic x range inside one decade labels its two ends instead of trapping")
    func logarithmicRangeWithinOneDecade() {
        var plot = SVGLinePlot(title: "t", xLabel: "S", yLabel: "cosine", logarithmicX: true)
        plot.add(series: "a", points: [(x: 2, y: 0.1), (x: 5, y: 0.4)])
        let labels = xLabels(plot.render())
        #expect(labels.count == 2 && abs(labels[0] - 2) < 0.01 && abs(labels[1] - 5) < 0.01, "labels: \(labels)")
    }

    @Test("a logarithmic x range over decades labels the powers of ten")
    func logarithmicRangeOverDecades() {
        var plot = SVGLinePlot(title: "t", xLabel: "S", yLabel: "cosine", logarithmicX: true)
        plot.add(series: "a", points: [(x: 1, y: 0.1), (x: 1000, y: 0.4)])
        let labels = xLabels(plot.render())
        #expect(labels == [1, 10, 100, 1000], "labels: \(labels)")
    }

    @Test("a single x value and a linear range both render with labels")
    func degenerateAndLinearRanges() {
        var single = SVGLinePlot(title: "t", xLabel: "epoch", yLabel: "loss")
        single.add(series: "a", points: [(x: 3, y: 1)])
        #expect(xLabels(single.render()).contains(3))
        var linear = SVGLinePlot(title: "t", xLabel: "epoch", yLabel: "loss")
        linear.add(series: "a", points: (0...10).map { (x: Double($0), y: Double($0)) })
        #expect(xLabels(linear.render()) == [0, 2, 4, 6, 8, 10])
    }
}
