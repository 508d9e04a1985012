//! Paints: what colour each pixel of a fill gets.
