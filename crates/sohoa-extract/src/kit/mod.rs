//! The reader kit: what every format reader shares, one module per concept.
//! Readers import the kit (and the model and normalizer), never each other.
//!
//! [`extracted`] is what a reader hands back; [`budget`] its time budget;
//! [`limits`] and [`archive`] the size caps and the bomb-checked zip;
//! [`sink`] and [`rows`] gather word-processor paragraphs and table rows into
//! blocks; [`furniture`] keeps running headers once; [`guard`] turns panics
//! into errors.

pub(crate) mod archive;
pub(crate) mod budget;
pub(crate) mod extracted;
pub(crate) mod furniture;
pub(crate) mod guard;
pub(crate) mod limits;
pub(crate) mod rows;
pub(crate) mod sink;

pub(crate) use archive::SafeZip;
pub(crate) use budget::Budget;
pub(crate) use extracted::Extracted;
pub(crate) use limits::Limits;
