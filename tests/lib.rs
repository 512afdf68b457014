//! Workspace-level tests; see the `[[test]]` targets in Cargo.toml. Shared helpers live here.

use std::path::PathBuf;

/// The workspace root (the folder with the virtual `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}
