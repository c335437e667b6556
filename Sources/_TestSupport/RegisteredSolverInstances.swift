import SolverRegistry
import DifferentiableSolvers
import Foundation

/// A small instance for every solver of the `dsolve` default registry: options and the θ length.
///
/// Shared by the `dsolve` end-to-end tests and the reliability tests; both fail when a
/// registered name has no entry here. When a module adds solvers to the default registry,
/// add an instance here.
public let smallInstances: [String: (options: JSONValue, variables: Int)] = [
    "argmax": (["sense": "minimize"], 5),
    "top-k": (["k": 2], 6),
    "knapsack.dp": (["weights": [2, 3, 4, 1, 5], "capacity": 7], 5),
    "block-top-k": (["block-size": 3, "k": 1], 6),
    "ranking": (["sense": "minimize"], 5),
    "assignment.hungarian": (["rows": 2, "columns": 3], 6),
    "spanning-tree.kruskal": (["vertices": 4, "sense": "maximize"], 6),
    "shortest-path.graph": (["vertices": 4, "arcs": [0, 1, 0, 2, 1, 3, 2, 3, 1, 2], "source": 0, "target": 3,
                             "algorithm": "acyclic"], 5),
    "shortest-path.directed-grid": (["rows": 2, "columns": 3], 7),
    "shortest-path.grid": (["height": 2, "width": 3], 6),
    "graph-cut.bk": (["rows": 2, "columns": 2, "fixed-weights": [0.5, 1, 1.5, 2]], 4),
    "ilp.glpk": (["model": .string(knapsackModelPath), "format": "cplex-lp"], 5),
]

/// A 5-item 0/1 knapsack in CPLEX LP format (the weights and capacity of `knapsack.dp` above),
/// written once to a temporary file for `ilp.glpk`.
public let knapsackModelPath: String = {
    let model = """
        Maximize
         value: x1 + x2 + x3 + x4 + x5
        Subject To
         capacity: 2 x1 + 3 x2 + 4 x3 + x4 + 5 x5 <= 7
        Binary
         x1 x2 x3 x4 x5
        End

        """
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("dsolve-tests-knapsack-\(ProcessInfo.processInfo.processIdentifier).lp")
    try? Data(model.utf8).write(to: url)
    return url.path
}()
