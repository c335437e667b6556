import Foundation

/// One small mixed-integer model written in every format GLPK reads, plus malformed files
/// with a known bad line. Written to a fresh temporary directory per test.
///
/// The model (minimise; columns in the order x1, x2, x3, y, w):
///
///     min −5x1 − 4x2 − 3x3 − 2y − w
///     c1: 2x1 + 3x2 +  x3 + y      ≤ 5
///     c2: 4x1 +  x2 + 2x3      + w ≤ 11
///     c3:  x1 +  x2            + w ≥ 1
///     x binary, y integer in 0…3, w continuous in 0…2.5
struct ModelFileFixtures {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("GLPKSolverTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` in the fixture directory and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let cplexLP = """
        \\ small mixed-integer test model
        Minimize
         obj: - 5 x1 - 4 x2 - 3 x3 - 2 y - w
        Subject To
         c1: 2 x1 + 3 x2 + x3 + y <= 5
         c2: 4 x1 + x2 + 2 x3 + w <= 11
         c3: x1 + x2 + w >= 1
        Bounds
         0 <= y <= 3
         0 <= w <= 2.5
        General
         y
        Binary
         x1 x2 x3
        End

        """

    static let freeMPS = """
        NAME SMALL
        ROWS
         N obj
         L c1
         L c2
         G c3
        COLUMNS
         M1 'MARKER' 'INTORG'
         x1 obj -5 c1 2
         x1 c2 4 c3 1
         x2 obj -4 c1 3
         x2 c2 1 c3 1
         x3 obj -3 c1 1
         x3 c2 2
         y obj -2 c1 1
         M2 'MARKER' 'INTEND'
         w obj -1 c2 1
         w c3 1
        RHS
         RHS c1 5 c2 11
         RHS c3 1
        BOUNDS
         BV BND x1
         BV BND x2
         BV BND x3
         UP BND y 3
         UP BND w 2.5
        ENDATA

        """

    /// The same model in fixed-column MPS (fields start in columns 2, 5, 15, 25, 40, 50).
    static var fixedMPS: String {
        func line(_ fields: String...) -> String {
            let starts = [1, 4, 14, 24, 39, 49]
            var text = ""
            for (field, start) in zip(fields, starts) {
                text += String(repeating: " ", count: max(0, start - text.count)) + field
            }
            return text
        }
        return [
            "NAME          SMALL",
            "ROWS", line("N", "obj"), line("L", "c1"), line("L", "c2"), line("G", "c3"),
            "COLUMNS",
            line("", "MARKER", "'MARKER'", "", "'INTORG'"),
            line("", "x1", "obj", "-5", "c1", "2"), line("", "x1", "c2", "4", "c3", "1"),
            line("", "x2", "obj", "-4", "c1", "3"), line("", "x2", "c2", "1", "c3", "1"),
            line("", "x3", "obj", "-3", "c1", "1"), line("", "x3", "c2", "2"),
            line("", "y", "obj", "-2", "c1", "1"),
            line("", "MARKER", "'MARKER'", "", "'INTEND'"),
            line("", "w", "obj", "-1", "c2", "1"), line("", "w", "c3", "1"),
            "RHS", line("", "RHS", "c1", "5", "c2", "11"), line("", "RHS", "c3", "1"),
            "BOUNDS",
            line("BV", "BND", "x1"), line("BV", "BND", "x2"), line("BV", "BND", "x3"),
            line("UP", "BND", "y", "3"), line("UP", "BND", "w", "2.5"),
            "ENDATA", "",
        ].joined(separator: "\n")
    }

    static let mathProg = """
        var x{1..3} binary;
        var y integer, >= 0, <= 3;
        var w >= 0, <= 2.5;
        minimize obj: -5*x[1] - 4*x[2] - 3*x[3] - 2*y - w;
        s.t. c1: 2*x[1] + 3*x[2] + x[3] + y <= 5;
        s.t. c2: 4*x[1] + x[2] + 2*x[3] + w <= 11;
        s.t. c3: x[1] + x[2] + w >= 1;
        end;

        """

    /// The MathProg model with its capacities in a separate data file.
    static let mathProgWithParameters = """
        param capacity{1..2};
        var x{1..3} binary;
        var y integer, >= 0, <= 3;
        var w >= 0, <= 2.5;
        minimize obj: -5*x[1] - 4*x[2] - 3*x[3] - 2*y - w;
        s.t. c1: 2*x[1] + 3*x[2] + x[3] + y <= capacity[1];
        s.t. c2: 4*x[1] + x[2] + 2*x[3] + w <= capacity[2];
        s.t. c3: x[1] + x[2] + w >= 1;
        end;

        """

    static let mathProgData = """
        data;
        param capacity := 1 5  2 11;
        end;

        """

    /// Malformed files and the 1-based line GLPK should blame.
    static let malformedLP = (text: "Minimize\n obj: x1 + x2\nSubject To\n c1: x1 + + <= 3\nEnd\n", line: 4)
    static let malformedMathProg = (text: "var x binary;\nminimize obj: x +* 2;\nend;\n", line: 2)
    static let malformedMPS = (text: "NAME BAD\nROWS\n N obj\n Q c1\nCOLUMNS\nENDATA\n", line: 4)
    static let malformedData = (text: "data;\nparam capacity := 1 5  2 ;\nend;\n", line: 2)

    /// The optimum of the model, by enumeration: x ∈ {0,1}³, y ∈ 0…3, and w as large as
    /// c2 and its bounds allow (its cost is −1), provided c3 holds.
    static var enumeratedOptimum: Double {
        var best = Double.infinity
        for mask in 0..<8 {
            let x = (0..<3).map { Double((mask >> $0) & 1) }
            for y in 0...3 {
                guard 2 * x[0] + 3 * x[1] + x[2] + Double(y) <= 5 else { continue }
                let w = min(2.5, 11 - 4 * x[0] - x[1] - 2 * x[2])
                guard w >= 0, x[0] + x[1] + w >= 1 else { continue }
                best = min(best, -5 * x[0] - 4 * x[1] - 3 * x[2] - 2 * Double(y) - w)
            }
        }
        return best
    }
}
