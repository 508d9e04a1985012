//! PNG decoding under tight limits, palettes expanded and indexed, orientation
//! applied and not. The body is `chiaro_testkit::fuzz::decode_png`, which the
//! stable regression test replays over the corpora.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| chiaro_testkit::fuzz::decode_png(data));
