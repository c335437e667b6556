extension GraphShortestPath {
    /// How ``GraphShortestPath`` searches.
    public enum Algorithm: String, Sendable, Hashable, Codable, CaseIterable {
        /// Dijkstra's algorithm: any directed graph, arc costs must be non-negative, and
        /// the sense must be `.minimize`.
        case dijkstra
        /// Dynamic programming in topological order: the graph must be acyclic (checked at
        /// construction); arc costs may be negative, and both senses work (maximising gives
        /// the longest path of the DAG).
        case acyclic
    }
}
