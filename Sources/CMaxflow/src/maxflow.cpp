#include "CMaxflow.h"
extern "C" int cmaxflow_version(void) { return 0; }
