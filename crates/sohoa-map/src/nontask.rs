//! What is not a task though it stands where tasks do: closing clauses, lead-ins, pointers to an
//! annex, plan-duration and scope lines, and annexes that are report outlines or empty forms.

use crate::folded::{Folded, Vocabulary};
use crate::header::kind_of_title;
use crate::words::starts_with;
use once_cell::sync::Lazy;
use sohoa_segment::{Item, Outline, SectionKind};

/// Whether a paragraph or numbered line is not a task: a closing clause, a pointer to an annex,
/// the plan's own duration, a scope target, the title of a form. `unlabeled`: a paragraph with
/// no number or bullet, which may also be a lead-in to the items after it.
pub fn is_not_task(text: &str, unlabeled: bool) -> bool {
    let t = crate::words::one_line(text);
    is_closing(&t)
        || is_annex_title(&t)
        || is_annex_pointer(&t)
        || is_plan_duration(&t)
        || is_scope_target(&t)
        || is_form_title(&t)
        || unlabeled && is_lead_in(&t)
}

static CLOSINGS: Lazy<Vocabulary> = Lazy::new(|| {
    Vocabulary::new(&[
        "Trên đây là",
        "Trong quá trình",
        "Căn cứ văn bản này",
        "Căn cứ công văn này",
        "Căn cứ nội dung công văn này",
    ])
});
static ANNEX_POINTERS: Lazy<Vocabulary> = Lazy::new(|| {
    Vocabulary::new(&[
        "Theo Phụ lục",
        "Chi tiết tại Phụ lục",
        "Chi tiết theo Phụ lục",
        "Có Phụ lục",
        "Theo Biểu",
        "Chi tiết tại Biểu",
    ])
});
static PLAN_NAMES: Lazy<Vec<Folded>> =
    Lazy::new(|| ["Kế hoạch", "Chương trình", "Đề án", "Kế hoạch này"].iter().map(|w| Folded::new(w)).collect());
static MEASURES: Lazy<Vocabulary> = Lazy::new(|| Vocabulary::new(&["Số lượng", "Tỷ lệ", "Chỉ tiêu"]));
static AMOUNTS: Lazy<Vocabulary> =
    Lazy::new(|| Vocabulary::new(&["Tối thiểu", "Ít nhất", "Trên", "Đạt", "Không dưới", "Từ"]));
static LEAD_IN_ENDS: Lazy<Vec<Folded>> = Lazy::new(|| {
    ["sau", "cụ thể", "như sau", "gồm", "bao gồm", "cụ thể như sau"].iter().map(|w| Folded::new(w)).collect()
});

/// `Trên đây là Kế hoạch ...`, `Căn cứ văn bản này, ...`: the closing paragraph.
fn is_closing(t: &str) -> bool {
    CLOSINGS.any_at_start(t)
}

/// `Thời gian kiểm tra ...: Theo Phụ lục I kèm theo Kế hoạch này`: the items are in the annex.
fn is_annex_pointer(t: &str) -> bool {
    let value = t.split_once(':').map_or(t, |(_, v)| v).trim();
    let value = value.trim_start_matches('(');
    ANNEX_POINTERS.any_at_start(value)
}

/// `Thời gian thực hiện Kế hoạch: Từ khi ban hành đến hết năm 2030`: the plan's own span.
fn is_plan_duration(t: &str) -> bool {
    let Some((head, _)) = t.split_once(':') else { return false };
    starts_with(head, "Thời gian")
        && {
            let head_key = Folded::new(head);
            PLAN_NAMES.iter().any(|w| head_key.contains(w))
        }
        && head.split_whitespace().count() <= 8
}

/// `Số lượng đơn vị kiểm tra: Tối thiểu 20% ...`: a target the plan sets on its own scope (a KPI).
fn is_scope_target(t: &str) -> bool {
    let Some((head, value)) = t.split_once(':') else { return false };
    let measure = MEASURES.any_at_start(head) && head.split_whitespace().count() <= 8;
    let v = value.trim();
    let numeric = v.chars().next().is_some_and(|c| c.is_ascii_digit())
        || AMOUNTS.any_at_start(v) && v.chars().any(|c| c.is_ascii_digit());
    measure && numeric
}

/// `Biểu 01: BÁO CÁO TIẾN ĐỘ ...`: the title of a form to fill in.
fn is_form_title(t: &str) -> bool {
    let mut words = t.split_whitespace();
    static FORM: Lazy<Folded> = Lazy::new(|| Folded::new("Biểu"));
    matches!(words.next(), Some(w) if Folded::new(w) == *FORM)
        && words
            .next()
            .is_some_and(|w| w.trim_start_matches("số").chars().next().is_some_and(|c| c.is_ascii_digit()) || w == "số")
}

/// `..., gồm 11 chuyên mục sau:`, `... như sau:`, `..., cụ thể:`: a paragraph that only introduces the items after it.
fn is_lead_in(t: &str) -> bool {
    let Some(body) = t.trim_end().strip_suffix(':') else { return false };
    let k = Folded::new(body);
    LEAD_IN_ENDS.iter().any(|w| k.ends_after_other_words(w))
}

/// Per item, whether it lies in an annex that is a report outline (`ĐỀ CƯƠNG BÁO CÁO`) or an
/// empty form (`Biểu 01: ...`): such annexes list topics to report on, not work.
pub fn outline_items(outline: &Outline) -> Vec<bool> {
    let mut inside = false;
    let mut out = Vec::with_capacity(outline.items.len());
    for item in &outline.items {
        match item {
            Item::Heading(s) if outline.sections[*s].kind == SectionKind::Annex => {
                inside = opens_outline(&outline.sections[*s].title);
            }
            Item::Paragraph { para, .. } if para.label.is_none() => {
                let t = crate::words::one_line(&para.text);
                if opens_outline(&t) {
                    inside = true;
                } else if is_annex_title(&t) || kind_of_title(&t).is_some() {
                    inside = false;
                }
            }
            _ => {}
        }
        out.push(inside);
    }
    out
}

/// `ĐỀ CƯƠNG BÁO CÁO ...` (a title line) or `Biểu 01: ...`.
fn opens_outline(t: &str) -> bool {
    // a title line: `ĐỀ CƯƠNG` in capitals (a lower-case line may have been joined after it)
    let title = t.split_whitespace().take(2).flat_map(str::chars).all(|c| !c.is_lowercase());
    starts_with(t, "Đề cương") && title
        || is_form_title(t)
        || starts_with(t, "Phụ lục") && crate::words::contains(t, "Đề cương") && crate::words::contains(t, "báo cáo")
}

/// `Phụ lục I`, `Phụ lục số 01:` as a line of its own: a new annex begins.
fn is_annex_title(t: &str) -> bool {
    starts_with(t, "Phụ lục") && t.chars().count() <= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closings_pointers_and_durations_are_not_tasks() {
        assert!(is_not_task("Trên đây là Kế hoạch của UBND xã.", true));
        assert!(is_not_task("Thời gian làm việc với các đơn vị: Theo Phụ lục II kèm theo.", false));
        assert!(is_not_task("Thời gian thực hiện Chương trình: Từ khi ban hành đến hết năm 2028.", false));
        assert!(is_not_task("Số lượng xã được khảo sát: Tối thiểu 30% số xã.", false));
        assert!(is_not_task("Biểu 02: TỔNG HỢP KẾT QUẢ", true));
        assert!(!is_not_task("Thời gian thực hiện: Quý II/2025.", false));
        assert!(!is_not_task("Tổ chức tập huấn cho công chức cấp xã.", true));
    }

    #[test]
    fn lead_ins_only_when_unlabeled() {
        assert!(is_not_task("Đài Truyền thanh xã thực hiện 04 chuyên đề, cụ thể:", true));
        assert!(is_not_task("Kiểm tra các nội dung như sau:", true));
        assert!(!is_not_task("- Báo cáo định kỳ như sau:", false));
        assert!(!is_not_task("Tham mưu UBND xã quyết định:", true));
    }

    #[test]
    fn outline_and_form_titles() {
        assert!(opens_outline("ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ"));
        assert!(!opens_outline("Đề cương báo cáo gửi về Văn phòng trước ngày 10."));
        assert!(opens_outline("ĐỀ CƯƠNG BÁO CÁO kết quả thực hiện Chương trình"));
        assert!(opens_outline("Biểu 01: TIẾN ĐỘ"));
        assert!(is_annex_title("Phụ lục số 02:"));
    }
}
