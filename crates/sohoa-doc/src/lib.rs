//! sohoa-doc: what every stage shares and no file format touches.
//!
//! The [`Document`] every reader produces (blocks, spans, provenance,
//! [`Diagnostic`]s with stable codes), the folding key [`fold_key`], the label
//! grammar ([`label`]) and the one copy of the plan vocabularies ([`vocab`]:
//! column roles, deadline phrases, unit-name words). `sohoa-segment` and
//! `sohoa-map` depend on this crate alone, so Cargo keeps them format-blind.

pub mod classes;
pub mod fold;
pub mod label;
pub mod model;
pub mod render;
pub mod sample;
pub mod vocab;

pub use fold::fold_key;
pub use model::*;
