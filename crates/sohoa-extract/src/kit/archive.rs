//! Zip container access with zip-bomb guards: entry-size and compression-ratio
//! caps ([`Limits`]) enforced while decompressing, and overlapping entries refused.
//!
//! Shared by the DOCX reader and the spreadsheet reader (xlsx/ods are zips too).

use super::limits::Limits;
use crate::error::ExtractError;
use std::borrow::Cow;
use std::io::{Cursor, Read};

/// An opened zip archive whose entries have been checked for overlap.
pub(crate) struct SafeZip<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    format: &'static str,
}

impl<'a> SafeZip<'a> {
    /// Opens the archive and refuses overlapping entries.
    pub fn open(bytes: &'a [u8], limits: Limits, format: &'static str) -> Result<Self, ExtractError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ExtractError::damaged(format, format!("not a readable zip archive: {e}")))?;
        let mut this = SafeZip { zip, limits, format };
        this.check_overlap(bytes.len() as u64)?;
        Ok(this)
    }

    /// Every entry's local header + data must lie inside the file and must not
    /// run into the next entry's local header.
    fn check_overlap(&mut self, file_len: u64) -> Result<(), ExtractError> {
        let format = self.format;
        let bad = |cause: String| ExtractError::damaged(format, cause);
        let mut extents = Vec::with_capacity(self.zip.len());
        for i in 0..self.zip.len() {
            let entry = self.zip.by_index_raw(i).map_err(|e| bad(format!("entry {i}: {e}")))?;
            let name = entry_name(&entry);
            // by_index_raw has found the entry's data, so its start is known
            let start = entry.data_start().ok_or_else(|| bad(format!("entry {name} has no data offset")))?;
            let end = start.saturating_add(entry.compressed_size());
            if end > file_len {
                return Err(bad(format!("entry {name} runs past the end of the file")));
            }
            extents.push((entry.header_start(), end, name));
        }
        extents.sort();
        for pair in extents.windows(2) {
            if pair[1].0 < pair[0].1 {
                return Err(self.damaged(format!("entries {} and {} overlap", pair[0].2, pair[1].2)));
            }
        }
        Ok(())
    }

    fn damaged(&self, cause: String) -> ExtractError {
        ExtractError::damaged(self.format, cause)
    }

    /// Whether an entry of that name exists.
    pub fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// All entry names.
    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().filter_map(Result::ok).map(Cow::into_owned).collect()
    }

    /// Reads one entry, `None` when absent. Decompression stops at the cap.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let Some(index) = self.zip.index_for_name(name) else { return Ok(None) };
        self.read_index(index).map(Some)
    }

    /// Reads the entry at `index` under the caps.
    pub fn read_index(&mut self, index: usize) -> Result<Vec<u8>, ExtractError> {
        let (format, limits) = (self.format, self.limits);
        let entry =
            self.zip.by_index(index).map_err(|e| ExtractError::damaged(format, format!("entry {index}: {e}")))?;
        let name = entry_name(&entry);
        let allowance = limits.allowance(entry.compressed_size());
        let mut out = Vec::new();
        entry
            .take(allowance.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| ExtractError::damaged(format, format!("cannot decompress {name}: {e}")))?;
        if out.len() as u64 > allowance {
            return Err(ExtractError::Limit {
                format,
                cause: format!("{name} inflates beyond {allowance} bytes (entry size or compression ratio cap)"),
            });
        }
        Ok(out)
    }

    /// Reads every XML entry once under the caps, and their total under the
    /// entry cap: a bomb check before handing the bytes to a library that
    /// decompresses without caps.
    pub fn check_xml_entries(&mut self) -> Result<(), ExtractError> {
        let mut total = 0u64;
        for i in 0..self.zip.len() {
            let is_xml = self
                .zip
                .name_for_index(i)
                .and_then(Result::ok)
                .is_some_and(|n| n.ends_with(".xml") || n.ends_with(".rels"));
            if is_xml {
                total = total.saturating_add(self.read_index(i)?.len() as u64);
            }
            if total > self.limits.max_entry_bytes {
                return Err(ExtractError::Limit {
                    format: self.format,
                    cause: format!("XML parts inflate beyond {total} bytes"),
                });
            }
        }
        Ok(())
    }
}

/// An entry's name as stored (UTF-8, else CP437), lossy where neither decodes.
fn entry_name<R: Read>(entry: &zip::read::ZipFile<'_, R>) -> String {
    entry.name().map_or_else(|_| String::from_utf8_lossy(entry.name_raw()).into_owned(), Cow::into_owned)
}
