//! Noise in, no panic out: the three text functions on shuffled fragments of real phrasing,
//! multibyte letters, stray brackets, slashes and digits (byte offsets must stay on characters).

use sohoa_map::citation::{resolve_short_keys, scan, CitationContext};
use sohoa_map::deadline::{parse, DeadlineContext};
use sohoa_map::kpi::{self, KpiContext};

const TOKENS: &[&str] = &[
    "Quyết định",
    "số",
    "766",
    "/QĐ-TTg",
    "61/2018/NĐ-CP",
    "ngày",
    "23/4/2018",
    "08 tháng 6 năm 2010",
    "của",
    "Chính phủ",
    "về",
    "Luật",
    "Tổ chức",
    "(",
    ")",
    ";",
    ",",
    ".",
    ":",
    "-",
    "100%",
    "tối thiểu",
    "5.280",
    "hồ sơ",
    "từ",
    "80",
    "đến dưới",
    "90 điểm",
    "Quý II/2024",
    "Thường xuyên",
    "khi",
    "hoặc",
    "Chậm nhất",
    "tháng 2/",
    "năm",
    "2024",
    "ĐỔI",
    "ủy quyền",
    "giao tại",
    "các Nghị định của Bộ trưởng, Chủ nhiệm",
    "18-NQ/TW",
    "ISO 9001: 2015",
    "Điều 5",
    "khoản 2",
    "Phụ lục VII-",
    "ít nhất 1 tin, bài viết/tuần",
    "đạt tỷ lệ",
    "và",
    "được",
    "…",
    "ữ",
    "\t",
    "(Đạt",
    "kèm theo",
    "/",
];

/// A tiny linear congruential generator: the same noise on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn no_panic_on_noise() {
    let mut rng = Lcg(7);
    let mut found = 0;
    for _ in 0..800 {
        let len = 1 + rng.next(24);
        let text: Vec<&str> = (0..len).map(|_| TOKENS[rng.next(TOKENS.len())]).collect();
        let glue = if rng.next(2) == 0 { " " } else { "" };
        let text = text.join(glue);
        let ctx =
            CitationContext {
                own_number: Some("766/QĐ-TTg".into()), preamble: rng.next(2) == 0, ..Default::default()
            };
        let mut m = scan(&text, &ctx);
        resolve_short_keys(&mut m);
        found += m.len();
        for c in &m {
            assert!(text.is_char_boundary(c.offset), "{text}");
            assert!(!c.key.is_empty(), "{text}");
        }
        let d = parse(&text, &DeadlineContext { plan_year: Some(2024) });
        assert_eq!(d.raw.as_deref(), Some(text.trim()).filter(|t| !t.is_empty()));
        for k in kpi::scan(&text, &KpiContext { plan_year: Some(2024), ..Default::default() }) {
            assert!(k.value.is_finite() && text.is_char_boundary(k.offset), "{text}");
        }
    }
    assert!(found > 30, "the noise holds citations: {found}");
}
