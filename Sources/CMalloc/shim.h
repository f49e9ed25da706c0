#ifndef VENTANILLA_CMALLOC_H
#define VENTANILLA_CMALLOC_H
// glibc's allocator controls (mallopt, malloc_trim, mallinfo2), which Swift's Glibc module does not export.
#include <malloc.h>
#endif
