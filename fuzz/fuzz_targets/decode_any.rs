//! Any input: probe, then decode under tight limits; when both succeed they agree
//! on the size. The body is `chiaro_testkit::fuzz::decode_any`, which the
//! stable regression test replays over the corpora.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chiaro_testkit::fuzz::decode_any(data));
