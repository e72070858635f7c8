//! The one copy of the plan vocabularies every stage reads with: column roles, deadline
//! phrases, unit-name words. Readers (the text dump's table rebuilder), segment and map
//! all import from here, so a new word goes in once.

pub mod deadline;
pub mod roles;
pub mod units;
