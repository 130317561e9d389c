//! Time for the speed examples: what the calling thread spent on the CPU, so that time it was
//! descheduled on a busy machine does not count.

use std::time::{Duration, Instant};

/// The calling thread's CPU time (Linux `/proc/thread-self/schedstat`); elsewhere, wall-clock
/// time since `start`. Only differences between two readings mean anything.
pub fn thread_cpu_time(start: Instant) -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed(), Duration::from_nanos)
}
