//! Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI-Windows, VISCII, CP1258).

/// A legacy encoding sohoa can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    Tcvn3,
    Vni,
    Viscii,
    Cp1258,
}

impl Legacy {
    /// Lower-case name used in the text-quality report.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
            Legacy::Viscii => "viscii",
            Legacy::Cp1258 => "cp1258",
        }
    }
}
