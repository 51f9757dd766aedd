// jemalloc's options for Fluxdesk's executables (fluxdesk_use_fast_allocator links this file in).
// jemalloc reads this symbol from the executable at start-up; MALLOC_CONF in the environment
// still overrides it.
//
// thp:always asks the kernel for transparent huge pages for jemalloc's large extents (madvise, so
// it works where THP is set to "madvise"): one page fault maps 2 MB instead of 4 KB. Opening a
// 10,000-object export in the editor grows Qt's text document by tens of megabytes; on a virtual
// machine where every first touch of a page is costly, its longest UI stall fell from 116-219 ms
// (glibc's allocator) to 39-92 ms (measured with bench_editor_open).
extern "C" {
extern const char *malloc_conf;
const char *malloc_conf = "thp:always";
}
