import CombinatorialSolvers
import DifferentiableSolvers
import GLPKSolver
import GraphCutSolver

/// Independent membership tests for the feasible sets of the registered solvers.
///
/// Each check reads the problem's structure from the solver value (weights, arcs, grid
/// size, constraint rows) and decides from first principles whether `z` is a feasible
/// state; it never calls the solver. `nil` means feasible, otherwise the reason it is not.
/// A registered name without a check fails ``BadParameterMatrixTests``.
enum FeasibleSets {
    typealias Check = @Sendable (_ solver: any MAPSolver, _ z: [Float]) -> String?

    static let checks: [String: Check] = [
        "argmax": { _, z in oneHot(z) },
        "top-k": { solver, z in
            guard let topK = solver as? TopK else { return "not a TopK" }
            return binary(z) ?? (count(z) == topK.k ? nil : "selects \(count(z)) entries, not k = \(topK.k)")
        },
        "knapsack.dp": { solver, z in
            guard let knapsack = solver as? Knapsack else { return "not a Knapsack" }
            return binary(z) ?? knapsackProblem(z, weights: knapsack.weights, capacity: knapsack.capacity)
        },
        "block-top-k": { solver, z in
            guard let blocks = solver as? BlockTopK else { return "not a BlockTopK" }
            if let problem = binary(z) { return problem }
            guard z.count % blocks.blockSize == 0 else { return "\(z.count) entries are not whole blocks" }
            for start in stride(from: 0, to: z.count, by: blocks.blockSize)
            where count(Array(z[start ..< start + blocks.blockSize])) != blocks.k {
                return "block at \(start) does not hold k = \(blocks.k) ones"
            }
            return nil
        },
        "ranking": { _, z in
            z.sorted() == (0..<z.count).map { Float($0 + 1) } ? nil : "\(z) is not a permutation of the ranks 1 … n"
        },
        "assignment.hungarian": { solver, z in
            guard let assignment = solver as? LinearAssignment else { return "not a LinearAssignment" }
            return binary(z) ?? assignmentProblem(z, rows: assignment.rows, columns: assignment.columns)
        },
        "spanning-tree.kruskal": { solver, z in
            guard let tree = solver as? SpanningTree else { return "not a SpanningTree" }
            return binary(z) ?? spanningTreeProblem(z, vertexCount: tree.vertexCount, edges: tree.edges)
        },
        "shortest-path.graph": { solver, z in graphPathProblem(solver, z) },
        "shortest-path.directed-grid": { solver, z in graphPathProblem(solver, z) },
        "shortest-path.grid": { solver, z in
            guard let grid = solver as? GridShortestPath else { return "not a GridShortestPath" }
            return binary(z) ?? gridPathProblem(z, grid)
        },
        "graph-cut.bk": { solver, z in
            guard let cut = solver as? GraphCutSolver else { return "not a GraphCutSolver" }
            return binary(z) ?? (z.count == cut.variableCount ? nil : "\(z.count) statistics, not \(cut.variableCount ?? 0)")
        },
        "ilp.glpk": { solver, z in
            guard let program = solver as? LinearProgramSolver else { return "not a LinearProgramSolver" }
            return linearProgramProblem(z, program.model)
        },
    ]

    static func count(_ z: [Float]) -> Int { z.filter { $0 == 1 }.count }

    static func binary(_ z: [Float]) -> String? {
        z.allSatisfy { $0 == 0 || $0 == 1 } ? nil : "\(z) is not a 0/1 vector"
    }

    static func oneHot(_ z: [Float]) -> String? {
        binary(z) ?? (count(z) == 1 ? nil : "\(z) is not one-hot")
    }

    static func knapsackProblem(_ z: [Float], weights: [Int], capacity: Int) -> String? {
        let load = zip(z, weights).reduce(0) { $0 + ($1.0 == 1 ? $1.1 : 0) }
        return load <= capacity ? nil : "load \(load) exceeds the capacity \(capacity)"
    }

    static func assignmentProblem(_ z: [Float], rows: Int, columns: Int) -> String? {
        let rowSums = (0..<rows).map { r in count(Array(z[r * columns ..< (r + 1) * columns])) }
        let columnSums = (0..<columns).map { c in (0..<rows).filter { z[$0 * columns + c] == 1 }.count }
        guard rowSums.allSatisfy({ $0 <= 1 }), columnSums.allSatisfy({ $0 <= 1 }) else {
            return "a row or column is used twice: rows \(rowSums), columns \(columnSums)"
        }
        return count(z) == min(rows, columns) ? nil : "\(count(z)) pairs, not min(rows, columns) = \(min(rows, columns))"
    }

    static func spanningTreeProblem(_ z: [Float], vertexCount: Int, edges: [GraphEdge]) -> String? {
        var parent = Array(0..<vertexCount)
        func root(_ v: Int) -> Int { var v = v; while parent[v] != v { v = parent[v] }; return v }
        var chosen = 0
        for (edge, selected) in zip(edges, z) where selected == 1 {
            let (a, b) = (root(edge.source), root(edge.target))
            if a == b { return "edge \(edge) closes a cycle" }
            parent[a] = b
            chosen += 1
        }
        return chosen == vertexCount - 1 ? nil : "\(chosen) edges do not span \(vertexCount) vertices"
    }

    /// The chosen arcs form one simple path from the source to the target.
    static func graphPathProblem(_ solver: any MAPSolver, _ z: [Float]) -> String? {
        guard let graph = solver as? GraphShortestPath else { return "not a GraphShortestPath" }
        if let problem = binary(z) { return problem }
        var next = [Int: Int]()
        for (arc, selected) in zip(graph.arcs, z) where selected == 1 {
            if next[arc.source] != nil { return "vertex \(arc.source) leaves on two arcs" }
            next[arc.source] = arc.target
        }
        var vertex = graph.source, visited: Set = [graph.source]
        while let successor = next[vertex] {
            guard visited.insert(successor).inserted else { return "the arcs revisit vertex \(successor)" }
            vertex = successor
        }
        guard vertex == graph.target else { return "the path stops at \(vertex), not at the target \(graph.target)" }
        return visited.count - 1 == count(z) ? nil : "arcs off the source–target path are chosen"
    }

    /// The chosen cells contain both corners and are connected under the grid's neighbourhood.
    static func gridPathProblem(_ z: [Float], _ grid: GridShortestPath) -> String? {
        let (height, width) = (grid.height, grid.width)
        let index = { (cell: GridCell) in cell.row * width + cell.column }
        guard z[index(grid.source)] == 1, z[index(grid.target)] == 1 else { return "a corner cell is not on the path" }
        let steps = grid.connectivity == .four
            ? [(0, 1), (1, 0), (0, -1), (-1, 0)]
            : [(0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1)]
        var reached: Set = [index(grid.source)], frontier = [grid.source]
        while let cell = frontier.popLast() {
            for (dr, dc) in steps {
                let neighbour = GridCell(row: cell.row + dr, column: cell.column + dc)
                guard (0..<height).contains(neighbour.row), (0..<width).contains(neighbour.column),
                      z[index(neighbour)] == 1, reached.insert(index(neighbour)).inserted else { continue }
                frontier.append(neighbour)
            }
        }
        return reached.count == count(z) ? nil : "the chosen cells are not one connected path"
    }

    static func linearProgramProblem(_ z: [Float], _ model: LinearProgram) -> String? {
        let tolerance = 1e-6
        for (j, variable) in model.variables.enumerated() {
            let value = Double(z[j])
            if variable.kind != .continuous, value.rounded() != value { return "x\(j + 1) = \(value) is not integral" }
            if variable.kind == .binary, value != 0 && value != 1 { return "x\(j + 1) = \(value) is not binary" }
            if value < variable.bounds.lower - tolerance || value > variable.bounds.upper + tolerance {
                return "x\(j + 1) = \(value) is outside its bounds"
            }
        }
        for (i, constraint) in model.constraints.enumerated() {
            let activity = constraint.terms.reduce(0.0) { $0 + $1.coefficient * Double(z[$1.variable]) }
            if activity < constraint.bounds.lower - tolerance || activity > constraint.bounds.upper + tolerance {
                return "row \(i) has activity \(activity) outside [\(constraint.bounds.lower), \(constraint.bounds.upper)]"
            }
        }
        return nil
    }
}
