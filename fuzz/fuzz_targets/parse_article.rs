//! The loader never panics and keeps its contract (`load_check.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/article/tests/common/load_check.rs"]
mod load_check;

fuzz_target!(|data: &[u8]| load_check::check_load(data));
