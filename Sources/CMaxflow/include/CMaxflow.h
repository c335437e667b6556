#ifndef CMAXFLOW_H
#define CMAXFLOW_H

/*
 * CMaxflow: a plain C interface to Boost.Graph's Boykov–Kolmogorov maximum-flow
 * algorithm (boost/graph/boykov_kolmogorov_max_flow.hpp).
 *
 * A graph has `node_count` ordinary nodes numbered 0 ..< node_count plus an implicit
 * source terminal s and sink terminal t. Callers add
 *   - terminal capacities: c(s -> i) and c(i -> t) for node i (accumulated over calls);
 *   - pairwise edges: c(i -> j) and c(j -> i) for an ordered pair of distinct nodes
 *     (parallel edges are allowed and behave like one edge with the summed capacities);
 * then solve, which computes the maximum s-t flow, and read the side of the minimum cut
 * each node lies on.
 *
 * Every function returns a cmaxflow_status; no function prints, aborts or lets a C++
 * exception escape. A graph handle is not thread-safe; distinct handles are independent.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The opaque graph handle. */
typedef struct cmaxflow_graph cmaxflow_graph;

/* Outcome of every call. */
typedef enum cmaxflow_status {
    CMAXFLOW_OK = 0,
    /* A pointer argument was NULL or a count was negative. */
    CMAXFLOW_INVALID_ARGUMENT = 1,
    /* A node index was outside 0 ..< node_count, or an edge joined a node to itself. */
    CMAXFLOW_INVALID_NODE = 2,
    /* A capacity was negative, NaN or infinite. */
    CMAXFLOW_INVALID_CAPACITY = 3,
    /* The graph is too large for 32-bit edge indices. */
    CMAXFLOW_TOO_LARGE = 4,
    /* Memory could not be allocated. */
    CMAXFLOW_OUT_OF_MEMORY = 5,
    /* Cut sides were requested before a successful solve (or after a later change). */
    CMAXFLOW_NOT_SOLVED = 6,
    /* Boost reported an internal failure (an exception or a failed assertion). */
    CMAXFLOW_INTERNAL_ERROR = 7
} cmaxflow_status;

/* Side of the minimum cut a node lies on. */
typedef enum cmaxflow_side {
    CMAXFLOW_SOURCE_SIDE = 0,
    CMAXFLOW_SINK_SIDE = 1
} cmaxflow_side;

/* A short English description of a status code (a static string; never NULL). */
const char *cmaxflow_status_description(cmaxflow_status status);

/*
 * Creates a graph with `node_count` >= 0 nodes and no capacities. `edge_count_hint`
 * (>= 0) is the number of pairwise edges the caller expects to add; it only reserves
 * memory. On success *out_graph owns the new graph; release it with cmaxflow_destroy.
 */
cmaxflow_status cmaxflow_create(int32_t node_count, int32_t edge_count_hint,
                                cmaxflow_graph **out_graph);

/* Releases a graph (NULL is ignored). */
void cmaxflow_destroy(cmaxflow_graph *graph);

/* Number of nodes the graph was created with (0 for NULL). */
int32_t cmaxflow_node_count(const cmaxflow_graph *graph);

/*
 * Removes every capacity and edge but keeps the node count and the allocated memory,
 * so that a graph can be refilled and solved again without reallocating.
 */
cmaxflow_status cmaxflow_reset(cmaxflow_graph *graph);

/*
 * Adds `source_capacity` to c(s -> node) and `sink_capacity` to c(node -> t).
 * Both must be finite and >= 0.
 */
cmaxflow_status cmaxflow_add_terminal_capacities(cmaxflow_graph *graph, int32_t node,
                                                 double source_capacity,
                                                 double sink_capacity);

/*
 * Adds an edge with capacity `capacity` from `from` to `to` and `reverse_capacity` from
 * `to` to `from`. The nodes must be distinct and in range; both capacities finite, >= 0.
 */
cmaxflow_status cmaxflow_add_edge(cmaxflow_graph *graph, int32_t from, int32_t to,
                                  double capacity, double reverse_capacity);

/*
 * Adds `count` edges at once: edge k joins from[k] and to[k] with capacities capacity[k]
 * (from -> to) and reverse_capacity[k] (to -> from), under the rules of cmaxflow_add_edge.
 * Every edge is checked before any is added, so on failure the graph is unchanged;
 * *out_bad_index (when not NULL) receives the first offending k, or -1.
 */
cmaxflow_status cmaxflow_add_edges(cmaxflow_graph *graph, int32_t count, const int32_t *from,
                                   const int32_t *to, const double *capacity,
                                   const double *reverse_capacity, int32_t *out_bad_index);

/*
 * Adds source_capacity[i] to c(s -> i) and sink_capacity[i] to c(i -> t) for every node i;
 * `count` must equal the node count. Checked before anything is added, like
 * cmaxflow_add_edges.
 */
cmaxflow_status cmaxflow_add_all_terminal_capacities(cmaxflow_graph *graph, int32_t count,
                                                     const double *source_capacity,
                                                     const double *sink_capacity,
                                                     int32_t *out_bad_index);

/*
 * Computes the maximum flow from s to t and stores its value in *out_flow.
 * The graph keeps the minimum cut for cmaxflow_read_sides until it is changed.
 */
cmaxflow_status cmaxflow_solve(cmaxflow_graph *graph, double *out_flow);

/*
 * Writes the cut side of every node (CMAXFLOW_SOURCE_SIDE or CMAXFLOW_SINK_SIDE) into
 * sides[0 ..< count]; `count` must equal the node count. The source side is the set of
 * nodes reachable from s in the residual graph of the maximum flow, so the cut
 * (source side, sink side) is a minimum cut.
 */
cmaxflow_status cmaxflow_read_sides(const cmaxflow_graph *graph, uint8_t *sides,
                                    int32_t count);

#ifdef __cplusplus
}
#endif

#endif /* CMAXFLOW_H */
