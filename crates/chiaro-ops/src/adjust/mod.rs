//! adjust.
