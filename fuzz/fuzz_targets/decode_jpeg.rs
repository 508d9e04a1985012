//! JPEG decoding under tight limits at full, 1/2 and 1/8 scale. The body is `chiaro_testkit::fuzz::decode_jpeg`, which the
//! stable regression test replays over the corpora.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chiaro_testkit::fuzz::decode_jpeg(data));
