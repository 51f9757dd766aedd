// jemalloc's options for Fluxdesk's executables (fluxdesk_use_fast_allocator links this file in).
// jemalloc reads this symbol from the executable at start-up; MALLOC_CONF in the environment
// still overrides it.
//
// thp:always asks the kernel for transparent huge pages for jemalloc's large extents (madvise, so
// it works where THP is set to "madvise"): one page fault maps 2 MB instead of 4 KB. Opening a
// 10,000-object export in the editor grows Qt's text document by tens of megabytes; on a virtual
// machine where every first touch of a page is costly, its longest UI stall fell from 116-219 ms
// (glibc's allocator) to 39-92 ms (measured with bench_editor_open).
//
// percpu_arena:percpu gives each CPU one arena instead of jemalloc's default four per CPU: the
// listing's page parsers and the plan's workers run on every core, and each arena kept its own
// partly used huge pages. With a realistic 10,000-object cluster loaded and planned
// (bench_window_memory, 2 cores) on a busy machine, the window's peak RSS fell from 160-173 MiB to
// 140-153 MiB and its steady RSS from 147-153 MiB to 133-138 MiB; on a quiet one both settings
// give about the same (steady ~134 MiB, peak ~145 MiB). Load, plan and editor-open times stayed
// within the machine's noise.
extern "C" {
extern const char *malloc_conf;
const char *malloc_conf = "thp:always,percpu_arena:percpu";
}
