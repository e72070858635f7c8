//! `section` records from the section tree (numbered leaves that are tasks are left out).

use crate::record::{Provenance, SectionRecord};
use crate::tasks::is_task_leaf;
use crate::view::View;

/// The section records in reading order, ids `s1`, `s2`, ...
pub fn build(view: &View, doc_id: &str) -> Vec<SectionRecord> {
    let sections = &view.outline.sections;
    let kept: Vec<usize> = (0..sections.len()).filter(|&s| !is_task_leaf(view, s)).collect();
    let mut ids = vec![None; sections.len()];
    for (n, &s) in kept.iter().enumerate() {
        ids[s] = Some(format!("s{}", n + 1));
    }
    kept.iter()
        .map(|&s| {
            let sec = &sections[s];
            SectionRecord {
                doc_id: doc_id.to_string(),
                id: ids[s].clone().unwrap_or_default(),
                parent: sec.parent.and_then(|p| ids[p].clone()),
                label: sec.label.clone(),
                path: sec.path.clone(),
                title: crate::words::one_line(&sec.title),
                source: Provenance { page: sec.span.page, line: sec.span.line, table: None, row: None },
            }
        })
        .collect()
}
