//! Demo data on disk: benchmark files of synthetic organisations, or a store to try the app.

use crate::files::{render, write_atomically};
use crate::session::Session;
use crate::{Error, Result};
use chrono::{DateTime, Duration, TimeZone, Utc};
use raadsbudget_demo::{demo_datasets, demo_history};
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::mapping::in_version;
use raadsbudget_domain::{Catalogue, Dataset, Fase, Jaar, Record, SOFTWARE};
use raadsbudget_formats::benchmark::{self, FileMeta};
use std::path::{Path, PathBuf};

/// The export moment of demo file `index`: 1 March of the uitvraagjaar, 09:00 UTC, plus
/// `index` minutes — deterministic, so the same seed gives the same bytes.
fn demo_moment(uitvraag: Jaar, index: usize) -> Result<DateTime<Utc>> {
    let start = Utc
        .with_ymd_and_hms(i32::from(uitvraag), 3, 1, 9, 0, 0)
        .single()
        .ok_or_else(|| Error::Invalid(format!("uitvraagjaar {uitvraag} kan niet")))?;
    let minutes = i64::try_from(index).unwrap_or(i64::MAX / 120);
    Ok(start + Duration::minutes(minutes))
}

/// Writes `aantal` benchmark files of synthetic organisations for uitvraag `uitvraag` into `dir`.
pub fn write_demo_files(
    uitvraag: Jaar,
    aantal: usize,
    seed: u64,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    crate::values::check_jaar(uitvraag)?;
    let cat = Catalogue::for_uitvraag(uitvraag);
    let mut written = Vec::with_capacity(aantal);
    for (i, data) in demo_datasets(uitvraag, aantal, seed)
        .into_iter()
        .enumerate()
    {
        let meta = FileMeta {
            definities: cat.versie.clone(),
            uitvraag,
            organisation: data.organisation.clone(),
            revisie: 1,
            aangemaakt_op: demo_moment(uitvraag, i)?,
            software: SOFTWARE.to_string(),
        };
        let name = benchmark::file_name(uitvraag, &data.organisation.code, 1);
        // The kenmerken of U−1 were generated under that year's version.
        let data = in_version(&data, cat, &uitvraag_blocks(uitvraag));
        let bytes = render(&meta, &data)?;
        written.push(write_atomically(dir, &name, &bytes, true)?);
    }
    Ok(written)
}

impl Session {
    /// Adds `aantal` demo organisations with figures for the four years up to `uitvraag` to
    /// this store. Organisations already in the store are left alone.
    pub fn fill_demo(&mut self, uitvraag: Jaar, aantal: usize, seed: u64) -> Result<Vec<String>> {
        crate::values::check_jaar(uitvraag)?;
        let actor = self.actor()?;
        let mut added = Vec::new();
        for data in demo_history(uitvraag.saturating_sub(3), uitvraag, aantal, seed) {
            let org = &data.organisation;
            if self.store().organisation(&org.code)?.is_some() {
                continue;
            }
            self.store_demo(&data, &actor)?;
            added.push(org.code.to_string());
        }
        Ok(added)
    }

    /// Adds one demo organisation with all its entries (one transaction for the entries,
    /// reason `demogegevens`).
    pub(crate) fn store_demo(&mut self, data: &Dataset, actor: &str) -> Result<()> {
        let org = &data.organisation;
        self.store_mut().add_organisation(org, actor)?;
        let changes: Vec<(Jaar, Fase, String, Option<Record>)> = data
            .records()
            .map(|((j, f, p), r)| (j, f, p.to_string(), Some(r.clone())))
            .collect();
        self.store_mut()
            .set_records(&org.code, &changes, actor, Some("demogegevens"))?;
        Ok(())
    }
}
