//! Timing for the throughput benches of `article` and `article-html` (which includes
//! this file by path): the machine is shared, so medians, not means.

use std::time::{Duration, Instant};

/// The median time of `runs` calls of `f`, after one more call to warm up.
pub(crate) fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
