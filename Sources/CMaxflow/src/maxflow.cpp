// The C interface of CMaxflow over Boost.Graph's Boykov–Kolmogorov max-flow.
//
// Representation: the caller's capacities are stored as plain arrays. `cmaxflow_solve`
// lays the arcs out as a compressed sparse row (CSR) graph — one contiguous array of arc
// heads grouped by tail — with external property arrays indexed by arc position (the
// residual capacity, which starts as the capacity, and the reverse arc). It is built in
// linear time by a counting sort into arrays that are reused when the same handle is
// solved again. (Measured on a 256 × 256 grid, this CSR layout builds and solves about
// twice as fast as boost::adjacency_list<vecS, vecS, directedS> with edge properties.)
//
// Terminal capacities are netted before the flow is computed: a node with c(s→i) = a and
// c(i→t) = b carries min(a, b) units straight from s to t whatever the rest of the graph
// does, so the graph keeps only the excess (a − b on s→i, or b − a on i→t) and the
// min(a, b) are added back to the flow value. Every minimum cut cuts exactly one of
// s→i, i→t, so the minimum cuts are unchanged.

#define BOOST_ENABLE_ASSERT_HANDLER 1

#include "CMaxflow.h"

#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

// With BOOST_ENABLE_ASSERT_HANDLER, a failed BOOST_ASSERT inside Boost calls these
// instead of aborting; throwing turns the failure into CMAXFLOW_INTERNAL_ERROR below.
namespace boost {
void assertion_failed(char const *expr, char const *, char const *, long) {
    throw std::logic_error(expr);
}
void assertion_failed_msg(char const *expr, char const *, char const *, char const *, long) {
    throw std::logic_error(expr);
}
}  // namespace boost

namespace {

using Vertex = std::uint32_t;
using ArcIndex = std::uint32_t;
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                 boost::no_property, boost::no_property,
                                                 Vertex, ArcIndex>;
using Arc = boost::graph_traits<Graph>::edge_descriptor;

struct PairwiseEdge {
    Vertex from;
    Vertex to;
    double capacity;
    double reverseCapacity;
};

bool isValidCapacity(double capacity) {
    return std::isfinite(capacity) && capacity >= 0;
}

}  // namespace

struct cmaxflow_graph {
    // The problem as the caller described it.
    Vertex nodeCount = 0;
    std::vector<double> sourceCapacity;
    std::vector<double> sinkCapacity;
    std::vector<PairwiseEdge> edges;

    // The last solve: the minimum cut and whether it is still current.
    std::vector<boost::default_color_type> color;
    bool isSolved = false;

    // The arcs of the last solve. Boost's CSR graph keeps its arrays in the public members
    // m_forward.m_rowstart (first arc of each vertex, plus the end) and m_forward.m_column
    // (head of each arc); solve() fills them in place, which is what the CSR constructors
    // do, without building and copying an intermediate edge list.
    Graph graph;

    // Scratch arrays reused from one solve to the next, indexed by arc or vertex.
    std::vector<ArcIndex> cursor;
    std::vector<double> residual;   // capacities until the flow runs, then residuals
    std::vector<Arc> reverse;
    std::vector<Arc> predecessor;
    std::vector<Vertex> distance;

    Vertex source() const { return nodeCount; }
    Vertex sink() const { return nodeCount + 1; }

    double solve();

private:
    // Puts arc tail → head at the next free slot of tail's block and returns its index.
    ArcIndex place(Vertex tail, Vertex head, double arcCapacity);
    // Places tail → head and head → tail and records each as the other's reverse.
    void link(Vertex tail, Vertex head, double forward, double backward);
};

ArcIndex cmaxflow_graph::place(Vertex tail, Vertex head, double arcCapacity) {
    ArcIndex position = cursor[tail]++;
    graph.m_forward.m_column[position] = head;
    residual[position] = arcCapacity;
    return position;
}

void cmaxflow_graph::link(Vertex tail, Vertex head, double forward, double backward) {
    ArcIndex there = place(tail, head, forward);
    ArcIndex back = place(head, tail, backward);
    reverse[there] = Arc(head, back);
    reverse[back] = Arc(tail, there);
}

double cmaxflow_graph::solve() {
    const Vertex vertexCount = nodeCount + 2;

    // Count the arcs leaving every vertex: each kept pairwise edge and each node with a
    // non-zero net terminal capacity contributes an arc and its reverse.
    std::vector<ArcIndex> &arcStart = graph.m_forward.m_rowstart;
    arcStart.assign(vertexCount + 1, 0);
    double directFlow = 0;
    for (Vertex i = 0; i < nodeCount; ++i) {
        double net = sourceCapacity[i] - sinkCapacity[i];
        directFlow += std::min(sourceCapacity[i], sinkCapacity[i]);
        if (net > 0) { ++arcStart[source() + 1]; ++arcStart[i + 1]; }
        if (net < 0) { ++arcStart[sink() + 1]; ++arcStart[i + 1]; }
    }
    for (const PairwiseEdge &edge : edges) {
        if (edge.capacity == 0 && edge.reverseCapacity == 0) continue;
        ++arcStart[edge.from + 1];
        ++arcStart[edge.to + 1];
    }
    for (Vertex v = 0; v < vertexCount; ++v) arcStart[v + 1] += arcStart[v];
    const ArcIndex arcCount = arcStart[vertexCount];

    // Place the arcs in CSR order (a counting sort by tail) and pair each with its reverse.
    cursor.assign(arcStart.begin(), arcStart.end() - 1);
    graph.m_forward.m_column.resize(arcCount);
    residual.resize(arcCount);
    reverse.resize(arcCount);
    for (Vertex i = 0; i < nodeCount; ++i) {
        double net = sourceCapacity[i] - sinkCapacity[i];
        if (net > 0) link(source(), i, net, 0);
        if (net < 0) link(i, sink(), -net, 0);
    }
    for (const PairwiseEdge &edge : edges) {
        if (edge.capacity == 0 && edge.reverseCapacity == 0) continue;
        link(edge.from, edge.to, edge.capacity, edge.reverseCapacity);
    }

    // Boost initialises these itself (every vertex free).
    predecessor.resize(vertexCount);
    color.resize(vertexCount);
    distance.resize(vertexCount);

    // The capacities are written straight into the residual array and passed as both the
    // capacity map and the residual map: Boost reads capacities only to initialise the
    // residuals (residual = capacity, here a self-assignment), which saves an array.
    auto arcIndex = boost::get(boost::edge_index, graph);
    auto vertexIndex = boost::get(boost::vertex_index, graph);
    auto residualMap = boost::make_iterator_property_map(residual.begin(), arcIndex);
    double flow = boost::boykov_kolmogorov_max_flow(
        graph, residualMap, residualMap,
        boost::make_iterator_property_map(reverse.begin(), arcIndex),
        boost::make_iterator_property_map(predecessor.begin(), vertexIndex),
        boost::make_iterator_property_map(color.begin(), vertexIndex),
        boost::make_iterator_property_map(distance.begin(), vertexIndex),
        vertexIndex, source(), sink());
    isSolved = true;
    return flow + directFlow;
}

namespace {

// Runs `body`, translating every exception into a status code.
template <typename Body>
cmaxflow_status guarded(Body body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc &) {
        return CMAXFLOW_OUT_OF_MEMORY;
    } catch (const std::length_error &) {
        return CMAXFLOW_OUT_OF_MEMORY;
    } catch (...) {
        return CMAXFLOW_INTERNAL_ERROR;
    }
}

// A checked, non-negative int32 argument as an index.
std::size_t position(std::int32_t value) { return static_cast<std::size_t>(value); }

bool isNode(const cmaxflow_graph *graph, std::int32_t node) {
    return node >= 0 && static_cast<Vertex>(node) < graph->nodeCount;
}

// Arcs are indexed by 32-bit integers: 2 per edge plus 2 per node must fit.
constexpr std::uint64_t maximumArcCount = std::numeric_limits<ArcIndex>::max() - 1;

}  // namespace

extern "C" {

const char *cmaxflow_status_description(cmaxflow_status status) {
    switch (status) {
    case CMAXFLOW_OK: return "success";
    case CMAXFLOW_INVALID_ARGUMENT: return "a pointer argument is NULL or a count is invalid";
    case CMAXFLOW_INVALID_NODE: return "a node index is out of range or an edge joins a node to itself";
    case CMAXFLOW_INVALID_CAPACITY: return "a capacity is negative, NaN or infinite";
    case CMAXFLOW_TOO_LARGE: return "the graph has too many nodes or edges for 32-bit arc indices";
    case CMAXFLOW_OUT_OF_MEMORY: return "memory could not be allocated";
    case CMAXFLOW_NOT_SOLVED: return "the graph has not been solved since it was last changed";
    case CMAXFLOW_INTERNAL_ERROR: return "Boost.Graph reported an internal failure";
    }
    return "unknown status";
}

cmaxflow_status cmaxflow_create(std::int32_t node_count, std::int32_t edge_count_hint,
                                cmaxflow_graph **out_graph) {
    if (out_graph == nullptr || node_count < 0 || edge_count_hint < 0) {
        return CMAXFLOW_INVALID_ARGUMENT;
    }
    *out_graph = nullptr;
    if (2 * (static_cast<std::uint64_t>(node_count) + 2) > maximumArcCount) {
        return CMAXFLOW_TOO_LARGE;
    }
    return guarded([&] {
        cmaxflow_graph *graph = new cmaxflow_graph();
        try {
            graph->nodeCount = static_cast<Vertex>(node_count);
            graph->sourceCapacity.assign(position(node_count), 0);
            graph->sinkCapacity.assign(position(node_count), 0);
            graph->edges.reserve(position(edge_count_hint));
        } catch (...) {
            delete graph;
            throw;
        }
        *out_graph = graph;
        return CMAXFLOW_OK;
    });
}

void cmaxflow_destroy(cmaxflow_graph *graph) {
    delete graph;
}

std::int32_t cmaxflow_node_count(const cmaxflow_graph *graph) {
    return graph == nullptr ? 0 : static_cast<std::int32_t>(graph->nodeCount);
}

cmaxflow_status cmaxflow_reset(cmaxflow_graph *graph) {
    if (graph == nullptr) return CMAXFLOW_INVALID_ARGUMENT;
    std::fill(graph->sourceCapacity.begin(), graph->sourceCapacity.end(), 0.0);
    std::fill(graph->sinkCapacity.begin(), graph->sinkCapacity.end(), 0.0);
    graph->edges.clear();
    graph->isSolved = false;
    return CMAXFLOW_OK;
}

cmaxflow_status cmaxflow_add_terminal_capacities(cmaxflow_graph *graph, std::int32_t node,
                                                 double source_capacity,
                                                 double sink_capacity) {
    if (graph == nullptr) return CMAXFLOW_INVALID_ARGUMENT;
    if (!isNode(graph, node)) return CMAXFLOW_INVALID_NODE;
    if (!isValidCapacity(source_capacity) || !isValidCapacity(sink_capacity)) {
        return CMAXFLOW_INVALID_CAPACITY;
    }
    double source = graph->sourceCapacity[position(node)] + source_capacity;
    double sink = graph->sinkCapacity[position(node)] + sink_capacity;
    if (!std::isfinite(source) || !std::isfinite(sink)) return CMAXFLOW_INVALID_CAPACITY;
    graph->sourceCapacity[position(node)] = source;
    graph->sinkCapacity[position(node)] = sink;
    graph->isSolved = false;
    return CMAXFLOW_OK;
}

cmaxflow_status cmaxflow_add_edge(cmaxflow_graph *graph, std::int32_t from, std::int32_t to,
                                  double capacity, double reverse_capacity) {
    if (graph == nullptr) return CMAXFLOW_INVALID_ARGUMENT;
    if (!isNode(graph, from) || !isNode(graph, to) || from == to) return CMAXFLOW_INVALID_NODE;
    if (!isValidCapacity(capacity) || !isValidCapacity(reverse_capacity)) {
        return CMAXFLOW_INVALID_CAPACITY;
    }
    std::uint64_t arcs = 2 * (static_cast<std::uint64_t>(graph->edges.size()) + 1) +
                         2 * (static_cast<std::uint64_t>(graph->nodeCount));
    if (arcs > maximumArcCount) return CMAXFLOW_TOO_LARGE;
    return guarded([&] {
        graph->edges.push_back({static_cast<Vertex>(from), static_cast<Vertex>(to), capacity,
                                reverse_capacity});
        graph->isSolved = false;
        return CMAXFLOW_OK;
    });
}

cmaxflow_status cmaxflow_add_edges(cmaxflow_graph *graph, std::int32_t count,
                                   const std::int32_t *from, const std::int32_t *to,
                                   const double *capacity, const double *reverse_capacity,
                                   std::int32_t *out_bad_index) {
    if (out_bad_index != nullptr) *out_bad_index = -1;
    if (graph == nullptr || count < 0) return CMAXFLOW_INVALID_ARGUMENT;
    if (count > 0 && (from == nullptr || to == nullptr || capacity == nullptr ||
                      reverse_capacity == nullptr)) {
        return CMAXFLOW_INVALID_ARGUMENT;
    }
    for (std::int32_t k = 0; k < count; ++k) {
        cmaxflow_status status = CMAXFLOW_OK;
        if (!isNode(graph, from[k]) || !isNode(graph, to[k]) || from[k] == to[k]) {
            status = CMAXFLOW_INVALID_NODE;
        } else if (!isValidCapacity(capacity[k]) || !isValidCapacity(reverse_capacity[k])) {
            status = CMAXFLOW_INVALID_CAPACITY;
        }
        if (status != CMAXFLOW_OK) {
            if (out_bad_index != nullptr) *out_bad_index = k;
            return status;
        }
    }
    std::uint64_t arcs = 2 * (static_cast<std::uint64_t>(graph->edges.size()) + position(count)) +
                         2 * (static_cast<std::uint64_t>(graph->nodeCount));
    if (arcs > maximumArcCount) return CMAXFLOW_TOO_LARGE;
    return guarded([&] {
        graph->edges.reserve(graph->edges.size() + position(count));
        for (std::int32_t k = 0; k < count; ++k) {
            graph->edges.push_back({static_cast<Vertex>(from[k]), static_cast<Vertex>(to[k]),
                                    capacity[k], reverse_capacity[k]});
        }
        graph->isSolved = false;
        return CMAXFLOW_OK;
    });
}

cmaxflow_status cmaxflow_add_all_terminal_capacities(cmaxflow_graph *graph, std::int32_t count,
                                                     const double *source_capacity,
                                                     const double *sink_capacity,
                                                     std::int32_t *out_bad_index) {
    if (out_bad_index != nullptr) *out_bad_index = -1;
    if (graph == nullptr || count < 0 || static_cast<Vertex>(count) != graph->nodeCount) {
        return CMAXFLOW_INVALID_ARGUMENT;
    }
    if (count > 0 && (source_capacity == nullptr || sink_capacity == nullptr)) {
        return CMAXFLOW_INVALID_ARGUMENT;
    }
    for (std::int32_t i = 0; i < count; ++i) {
        if (!isValidCapacity(source_capacity[i]) || !isValidCapacity(sink_capacity[i]) ||
            !std::isfinite(graph->sourceCapacity[position(i)] + source_capacity[i]) ||
            !std::isfinite(graph->sinkCapacity[position(i)] + sink_capacity[i])) {
            if (out_bad_index != nullptr) *out_bad_index = i;
            return CMAXFLOW_INVALID_CAPACITY;
        }
    }
    for (std::int32_t i = 0; i < count; ++i) {
        graph->sourceCapacity[position(i)] += source_capacity[i];
        graph->sinkCapacity[position(i)] += sink_capacity[i];
    }
    graph->isSolved = false;
    return CMAXFLOW_OK;
}

cmaxflow_status cmaxflow_solve(cmaxflow_graph *graph, double *out_flow) {
    if (graph == nullptr || out_flow == nullptr) return CMAXFLOW_INVALID_ARGUMENT;
    graph->isSolved = false;
    return guarded([&] {
        *out_flow = graph->solve();
        return CMAXFLOW_OK;
    });
}

cmaxflow_status cmaxflow_read_sides(const cmaxflow_graph *graph, std::uint8_t *sides,
                                    std::int32_t count) {
    if (graph == nullptr || (sides == nullptr && count > 0)) return CMAXFLOW_INVALID_ARGUMENT;
    if (count < 0 || static_cast<Vertex>(count) != graph->nodeCount) {
        return CMAXFLOW_INVALID_ARGUMENT;
    }
    if (!graph->isSolved) return CMAXFLOW_NOT_SOLVED;
    // Boost colours the source search tree black; every other node (sink tree or free)
    // is not reachable from s in the residual graph and lies on the sink side.
    for (Vertex i = 0; i < graph->nodeCount; ++i) {
        sides[i] = graph->color[i] == boost::black_color ? CMAXFLOW_SOURCE_SIDE
                                                         : CMAXFLOW_SINK_SIDE;
    }
    return CMAXFLOW_OK;
}

}  // extern "C"
