//! geometric.
