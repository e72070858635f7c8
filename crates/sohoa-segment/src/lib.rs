//! sohoa-segment: blocks in, the section tree and logical items out. Never fails, never does I/O.
//!
//! Labels nest by fixed ranks (`PHỤ LỤC` > `I.`/`Điều` > `1.` > `1.1` > `a)`);
//! bullets are items, never sections. Table pieces that repeat a header are
//! joined, continuation rows merged, group rows turned into sections.

mod dump;
mod head_key;
mod layout;
mod outline;
mod roles;
mod table;
mod tree;

pub use layout::{
    is_number_line, is_person_name, is_place_date, is_recipients_head, is_signer_title, is_subject, strip_motto,
    strip_motto_lines, Letterhead, SignatureBlock,
};
pub use outline::*;
pub use roles::role_of;
pub use sohoa_doc::label::{bare as bare_label, kind as label_kind, LabelKind};

/// The label grammar, shared with the readers.
use sohoa_doc::label as labels;

use sohoa_doc::Document;

/// The structure of `doc`: always succeeds; what could not be placed is in `diagnostics`.
pub fn outline(doc: &Document) -> Outline {
    tree::Walker::run(doc)
}
