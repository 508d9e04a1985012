//! Arbitrary bytes as SVG path data. Parsing may fail but never panic; a path that
//! parses writes out as data that parses again to the same path, and flattens with a
//! bounded tolerance in bounded time.

#![no_main]

use std::hint::black_box;

use chiaro_draw::Path;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(path) = Path::from_svg(text) else {
        return;
    };
    let written = path.to_svg();
    let again = match Path::from_svg(&written) {
        Ok(p) => p,
        Err(e) => panic!("to_svg output does not parse: {e}\n{written}"),
    };
    assert_eq!(again, path, "round trip changed the path: {written}");
    // Tolerance relative to the path's size, never below 0.01: at most MAX_PIECES
    // lines per curve whatever the coordinates.
    let b = path.bounds();
    let tolerance = (b.width().max(b.height()) * 1e-3).max(0.01);
    black_box(path.flatten(tolerance));
    black_box(path.tight_bounds());
    black_box(path.reversed());
});
