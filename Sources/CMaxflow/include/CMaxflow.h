#ifndef CMAXFLOW_H
#define CMAXFLOW_H
/* Placeholder: the C API over Boost.Graph's Boykov–Kolmogorov max-flow is added by the graph-cut issue. */
#ifdef __cplusplus
extern "C" {
#endif
int cmaxflow_version(void);
#ifdef __cplusplus
}
#endif
#endif
