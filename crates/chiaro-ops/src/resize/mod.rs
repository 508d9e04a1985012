//! resize.
