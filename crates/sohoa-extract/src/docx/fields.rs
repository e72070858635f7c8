//! Complex-field state (`w:fldChar` begin/separate/end): text between
//! `begin` and `separate` is the field's instruction and is never shown.

/// Deepest field nesting tracked.
const MAX_NESTING: usize = 64;

/// Open fields, innermost last; `true` while in the instruction part.
#[derive(Debug, Default, Clone)]
pub(crate) struct Fields {
    open: Vec<bool>,
}

impl Fields {
    /// Applies one `w:fldChar` of that `fldCharType`.
    pub fn mark(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") if self.open.len() < MAX_NESTING => self.open.push(true),
            Some("separate") => {
                if let Some(top) = self.open.last_mut() {
                    *top = false;
                }
            }
            Some("end") => {
                self.open.pop();
            }
            _ => {}
        }
    }

    /// Whether text now belongs to a field instruction.
    pub fn hiding(&self) -> bool {
        self.open.iter().any(|&instr| instr)
    }

    /// Called at each paragraph start: an instruction never spans a whole
    /// paragraph in practice, so a field still hiding text here was left
    /// unterminated and is dropped rather than hiding the rest of the document.
    pub fn paragraph_start(&mut self) {
        if self.hiding() {
            self.open.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn instruction_hidden_result_shown() {
        let mut f = Fields::default();
        f.mark(Some("begin"));
        assert!(f.hiding());
        f.mark(Some("separate"));
        assert!(!f.hiding());
        f.mark(Some("end"));
        assert!(!f.hiding());
    }

    #[test]
    fn unterminated_field_is_dropped_at_paragraph() {
        let mut f = Fields::default();
        f.mark(Some("begin"));
        f.paragraph_start();
        assert!(!f.hiding());
    }
}
