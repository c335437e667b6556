/* Helpers that the shim's C files share; not part of the module's interface. */
#ifndef CGLPKSHIM_INTERNAL_H
#define CGLPKSHIM_INTERNAL_H

#include <setjmp.h>
#include <stddef.h>

#include "CGLPKShim.h"

/* Installs the terminal and error hooks; a GLPK failure then longjmps to *recovery. */
void begin_guarded_call(jmp_buf *recovery, int keep_terminal_output);
/* Removes the hooks installed by begin_guarded_call. */
void end_guarded_call(void);
/* Frees the thread's environment after a GLPK failure and advances its generation. */
void recover_from_library_error(void);
/* Frees the thread's environment when it holds no problem. */
void release_environment_if_unused(void);
/* Replaces the thread's captured terminal output (truncated to the buffer). */
void replace_messages(const char *text, size_t length);
/* Adds change to the count of problems alive on the thread. */
void count_live_problem(int change);
/* A new, empty problem, counted as alive on the thread (call inside a guarded call). */
glp_prob *create_counted_problem(void);

/* Opens a guarded call in an entry point that returns a CGLPK status: should GLPK fail
 * before the matching end_guarded_call, control comes back here, the thread's environment
 * is freed and the entry point returns CGLPK_LIBRARY_ERROR. setjmp has to run in the entry
 * point's own frame, hence a macro. Locals read after a failure must be volatile. */
#define CGLPK_BEGIN_GUARDED_CALL(recovery, keep_terminal_output) \
    jmp_buf recovery;                                           \
    if (setjmp(recovery)) {                                     \
        recover_from_library_error();                           \
        return CGLPK_LIBRARY_ERROR;                             \
    }                                                           \
    begin_guarded_call(&recovery, keep_terminal_output)

#endif
