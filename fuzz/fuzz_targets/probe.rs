//! Header probing from bytes and from a reader, which must agree. The body is `chiaro_testkit::fuzz::probe_any`, which the
//! stable regression test replays over the corpora.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chiaro_testkit::fuzz::probe_any(data));
