// Runs one pass of the layer-overhead workload, `layer` or `solves`, inside a function named
// `profiledWork` so that callgrind can count just it:
//
//   valgrind --tool=callgrind --toggle-collect='*profiledWork*' LayerOverheadProfile layer
//
// Profiling/layer-overhead.sh runs both and prints the ratio.
import CombinatorialSolvers
import DifferentiableSolvers
import Foundation
import LayerOverheadWorkload

@inline(never)
func profiledWork(_ mode: String, _ workload: LayerOverheadWorkload, _ layer: inout DifferentiableSolverLayer<TopK>) throws -> Float {
    switch mode {
    case "layer": try workload.layerPass(&layer)
    case "solves": try workload.solverCalls()
    default: .nan
    }
}

guard let mode = CommandLine.arguments.dropFirst().first, ["layer", "solves"].contains(mode) else {
    print("usage: LayerOverheadProfile layer|solves")
    exit(2)
}
let workload = LayerOverheadWorkload()
var layer = workload.makeLayer()
print(try profiledWork(mode, workload, &layer))
