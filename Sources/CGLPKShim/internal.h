/* Helpers that the shim's C files share; not part of the module's interface. */
#ifndef CGLPKSHIM_INTERNAL_H
#define CGLPKSHIM_INTERNAL_H

#include <setjmp.h>
#include <stddef.h>

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

#endif
