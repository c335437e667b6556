extension SpanningTree {
    /// What ``SpanningTree`` does when the graph has more than one connected component.
    public enum DisconnectedGraphPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        /// Construction fails with a `SolverError` of kind `.infeasible`: a disconnected
        /// graph has no spanning tree.
        case reject
        /// The solver returns an optimal spanning forest: an optimal spanning tree of each
        /// component, V − C edges for V vertices and C components.
        case spanningForest
    }
}
