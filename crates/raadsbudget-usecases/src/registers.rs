//! Registers of organisations: a built-in one chosen by name (`cbs-2025`, see
//! [`raadsbudget_domain::register`]) or a register file, for the bundle's response list, the
//! invulbestanden per organisation and the provinces of loaded benchmark data; and the search
//! of the start screen.

use crate::files::display_name;
use crate::{Error, Result};
use raadsbudget_domain::register::{self, RegisterEntry};
use std::path::Path;

/// The organisations of a register: the built-in register (or part) that `spec` names, when
/// no file of that name exists, else the register file at `spec`, sorted by code.
pub fn read(spec: &Path) -> Result<Vec<RegisterEntry>> {
    if let Some(chosen) = builtin(spec) {
        return Ok(chosen.entries());
    }
    let bytes = std::fs::read(spec).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound && spec.extension().is_none() {
            Error::NotFound(format!(
                "register '{}' bestaat niet: geef een registerbestand (CSV) of een ingebouwd register: {}",
                spec.display(),
                register::builtin_names().join(", ")
            ))
        } else {
            Error::io(spec, e)
        }
    })?;
    Ok(raadsbudget_formats::register::read(
        &display_name(spec),
        &bytes,
    )?)
}

/// The built-in register `spec` names, unless a file of that name exists.
pub fn builtin(spec: &Path) -> Option<register::Chosen> {
    let chosen = register::builtin(spec.to_str()?)?;
    (!spec.exists()).then_some(chosen)
}

/// The name a register is recorded under: the built-in name as given, else the absolute path.
pub fn recorded_name(spec: &Path) -> String {
    if builtin(spec).is_some() {
        return spec.display().to_string().trim().to_ascii_lowercase();
    }
    std::path::absolute(spec)
        .unwrap_or_else(|_| spec.to_path_buf())
        .display()
        .to_string()
}
