//! Unit lists (`lead`, `partners`) and the subject of an assignment sentence.

use crate::folded::Vocabulary;
use once_cell::sync::Lazy;
use regex::Regex;
use sohoa_doc::vocab::units::{GROUP_NOUNS, UNIT_HEADS};

/// Splits a lead/partners cell on `;` and on line-leading `- `; commas stay
/// inside a name. Entries lose a leading `và`, an activity label
/// (`Công bố, công khai: ...`), and trailing punctuation.
pub fn split(cell: &str) -> Vec<String> {
    let pieces: Vec<String> = logical_lines(cell)
        .iter()
        .flat_map(|line| split_dashes(line.trim()))
        .flat_map(|p| p.split(';').map(str::to_string).collect::<Vec<_>>())
        .map(|p| clean_entry(&p))
        .filter(|p| !p.is_empty())
        .collect();
    drop_activity_labels(pieces)
}

/// The lines of a cell with wrapped lines joined: only a line-leading dash or bullet starts an entry
/// (`Lãnh đạo\nSở Giáo dục` is one name).
fn logical_lines(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in cell.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        let starts_entry = line.starts_with(['-', '–', '•', '+']);
        match out.last_mut() {
            Some(last) if !starts_entry && !last.ends_with([';', '.']) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

/// A line holding `- A - B` items written on one line keeps them apart only at a leading dash.
fn split_dashes(line: &str) -> Vec<String> {
    let line = line.trim_start_matches(['-', '–', '•']).trim();
    static INNER: Lazy<Regex> = Lazy::new(|| Regex::new(r"[;.]\s*-\s*").expect("static regex")); // invariant: valid literal
    INNER.split(line).map(str::to_string).collect()
}

fn clean_entry(p: &str) -> String {
    let mut t = crate::words::one_line(p.trim().trim_start_matches(['-', '–', '•', '+']).trim());
    for prefix in ["và ", "Và "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
        }
    }
    t.trim_end_matches(['.', ';', ',', ':', ' ']).to_string()
}

/// When entries are written `activity: unit`, the unit is kept and bare
/// activity words (`Theo dõi`) are dropped.
fn drop_activity_labels(pieces: Vec<String>) -> Vec<String> {
    let labelled = pieces.iter().any(|p| activity_split(p).is_some());
    if !labelled {
        return pieces;
    }
    pieces
        .into_iter()
        .filter_map(|p| match activity_split(&p) {
            Some(unit) => Some(unit),
            None if p.split_whitespace().count() <= 3 => None,
            None => Some(p),
        })
        .collect()
}

/// `Công bố, công khai: Công chức Văn phòng` → `Công chức Văn phòng`.
fn activity_split(p: &str) -> Option<String> {
    let (label, unit) = p.split_once(':')?;
    let unit = unit.trim();
    (label.split_whitespace().count() <= 5 && !unit.is_empty()).then(|| unit.to_string())
}

/// Leading words that wrap a unit without being part of it (`Giao Sở Nội vụ`, `Đề nghị Ủy ban ...`).
const WRAPPERS: &[&str] = &["Giao cho", "Giao", "Đề nghị", "Yêu cầu"];

static WRAPPER_WORDS: Lazy<Vocabulary> = Lazy::new(|| Vocabulary::new(WRAPPERS));
static UNIT_HEAD_WORDS: Lazy<Vocabulary> = Lazy::new(|| Vocabulary::new(UNIT_HEADS));
static GROUP_NOUN_WORDS: Lazy<Vocabulary> = Lazy::new(|| Vocabulary::new(GROUP_NOUNS));
static GROUP_WORDS: Lazy<Vocabulary> = Lazy::new(|| Vocabulary::new(&["Các", "Những"]));

/// `text` without a leading wrapper word (the first of [`WRAPPERS`] it starts with).
pub fn strip_wrapper(text: &str) -> &str {
    let t = text.trim();
    match WRAPPER_WORDS.first_at_start(t) {
        Some(i) => {
            let cut = t.char_indices().nth(WRAPPERS[i].chars().count()).map_or(t.len(), |(i, _)| i);
            t[cut..].trim_start()
        }
        None => t,
    }
}

/// Whether `text` starts like the name of a unit or post: a unit word, or `Các`/`Những`
/// followed by a noun of units.
pub fn is_unit_phrase(text: &str) -> bool {
    let t = text.trim();
    if UNIT_HEAD_WORDS.any_at_start(t) {
        return true;
    }
    GROUP_WORDS.any_at_start(t) && {
        let rest = t.split_once(char::is_whitespace).map_or("", |(_, r)| r);
        GROUP_NOUN_WORDS.any_at_start(rest)
    }
}

/// The lead and partners a unit heading or an inline unit gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitRoles {
    pub lead: Vec<String>,
    pub partners: Vec<String>,
}

/// A heading that names a unit, alone or with `:` (`a) Các sở, ban, ngành:`, `Giao Sở Nội vụ:`,
/// `Sở Tài chính chủ trì, phối hợp các sở:`), as its lead and partners.
pub fn heading_roles(title: &str) -> Option<UnitRoles> {
    let t = crate::words::one_line(title);
    let t = t.trim().trim_end_matches(['.', ' ']);
    let bare = t.trim_end_matches(':').trim();
    if bare.contains(':') || bare.split_whitespace().count() > 25 {
        return None;
    }
    subject_roles(bare)
}

/// An item that opens with its unit (`b) Công an tỉnh: Kiểm tra ...`): the unit's roles and
/// the text after the colon. Partners come from the unit part or the text's own `phối hợp với`.
pub fn inline_roles(text: &str) -> Option<UnitRoles> {
    let t = crate::words::one_line(text);
    let (head, body) = t.split_once(':')?;
    let body = body.trim();
    if body.is_empty() || head.split_whitespace().count() > 30 {
        return None;
    }
    let mut roles = subject_roles(head.trim())?;
    if roles.partners.is_empty() {
        roles.partners = own_partners(body);
    }
    Some(roles)
}

/// Trailing verbs that end the unit part of a subject (`Sở X chủ trì`, `Bộ Chỉ huy ... chỉ đạo lực lượng ...`).
const SUBJECT_ENDS: &[&str] = &[
    " chủ trì",
    " tham mưu",
    " chỉ đạo",
    " thực hiện",
    " phối hợp",
    " theo chức năng",
    " căn cứ",
    " có trách nhiệm",
    " chịu trách nhiệm",
    " là cơ quan",
    " là đầu mối",
];

/// `X chủ trì, phối hợp (với) Y`, `X chỉ đạo lực lượng Y và đề nghị Z`, `Giao X`: the units and partners of a subject.
fn subject_roles(head: &str) -> Option<UnitRoles> {
    let head = strip_wrapper(head);
    let mut roles = UnitRoles::default();
    let parts: Vec<&str> = split_requests(head);
    for (k, part) in parts.iter().enumerate() {
        let part = strip_wrapper(part);
        let (unit, rest) = match SUBJECT_ENDS.iter().filter_map(|v| part.find(v)).min() {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        let unit = unit.trim().trim_end_matches(',').trim();
        // a requested body after `và đề nghị` may be named without a unit word (`Bộ tư lệnh ...`, `Hải đội ...`)
        let named = is_unit_phrase(unit) || k > 0 && unit.chars().next().is_some_and(char::is_uppercase);
        if !named || unit.split_whitespace().count() > 40 || VERBS.iter().any(|v| unit.contains(v)) {
            return None;
        }
        if k == 0 && !rest.is_empty() {
            roles.partners = partners_in(rest);
            if !rest.trim_start().starts_with("chủ trì")
                && !rest.trim_start().starts_with("chỉ đạo")
                && !rest.trim_start().starts_with("phối hợp")
            {
                return None;
            }
        }
        roles.lead.extend(split(unit));
    }
    (!roles.lead.is_empty()).then_some(roles)
}

/// `X chỉ đạo ... và đề nghị Z`: the subject parts a request joins.
fn split_requests(head: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = head;
    while let Some(i) = [" và đề nghị ", ", đề nghị "].iter().filter_map(|w| rest.find(w)).min() {
        out.push(&rest[..i]);
        let skip = rest[i..].find("đề nghị").map_or(0, |j| j + "đề nghị".len());
        rest = &rest[i + skip..];
    }
    out.push(rest);
    out
}

/// Verbs that end the subject of an assignment (`Phòng Tài chính chủ trì, ...`).
const VERBS: &[&str] = &[
    " chủ trì",
    " thường xuyên",
    " có trách nhiệm",
    " chịu trách nhiệm",
    " tham mưu",
    " phối hợp",
    " triển khai",
    " thực hiện",
    " theo dõi",
    " hướng dẫn",
    " căn cứ",
    " xây dựng",
    " chủ động",
    " kịp thời",
    " tăng cường",
    " đẩy mạnh",
    " tiếp tục",
    " nghiêm túc",
    " nghiên cứu",
    " ban hành",
    " theo chức năng",
    " là cơ quan",
    " là đầu mối",
];

/// The subject of an assignment sentence: the units before its first verb,
/// and the partners of its own `(chủ trì,) phối hợp (với)` clause.
pub fn assignment(sentence: &str) -> Option<(String, Vec<String>)> {
    let sentence = strip_wrapper(sentence);
    let cut = VERBS.iter().filter_map(|v| sentence.find(v)).min()?;
    let subject = sentence[..cut].trim().trim_end_matches(',').trim();
    let words = subject.split_whitespace().count();
    if !(2..=30).contains(&words) || !is_unit_phrase(subject) || subject.contains(':') {
        return None;
    }
    Some((subject.to_string(), own_partners(&sentence[cut..])))
}

/// Words after which a `phối hợp` is still the subject's own (`chủ trì, phối hợp với`,
/// `có trách nhiệm hướng dẫn, phối hợp`): anything else makes it someone else's.
const OWN_BEFORE: &[&str] =
    &["chủ trì", "có trách nhiệm", "hướng dẫn", "tích cực", "chủ động", "đồng thời", "và", "thường xuyên"];

/// Partners named by a text's own `(chủ trì,) phối hợp (chặt chẽ) (với) Y` clause: at the start of
/// a clause or after `chủ trì,`; `chỉ đạo các cơ quan ... phối hợp với Y` is not the subject's.
pub fn own_partners(text: &str) -> Vec<String> {
    let mut from = 0;
    while let Some(i) = find_ci(&text[from..], "phối hợp").map(|i| i + from) {
        from = i + "phối hợp".len();
        let clause_start = text[..i].rfind(['.', ';', ':']).map_or(0, |j| j + 1);
        let mut before = text[clause_start..i].trim().trim_end_matches(',').trim().to_lowercase();
        let mut own = true;
        if before.ends_with("chủ trì") {
            before.clear();
        }
        while !before.is_empty() && own {
            let hit = OWN_BEFORE.iter().find(|w| before.ends_with(*w));
            match hit {
                Some(w) => before = before[..before.len() - w.len()].trim().trim_end_matches(',').trim().to_string(),
                None => own = false,
            }
        }
        if own {
            let found = partners_in(&text[i..]);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// Byte offset of `needle` (lower case) in `hay`, ignoring the case of `hay`.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let lower = hay.to_lowercase();
    // offsets carry over only when lower-casing kept every character's length (true of Vietnamese letters)
    if lower.len() != hay.len() {
        return hay.find(needle);
    }
    lower.find(needle).filter(|&i| hay.is_char_boundary(i))
}

/// Words that end a partner list (the verb of the work after it).
const PARTNER_ENDS: &[&str] = &[
    " tổ chức các",
    " tổ chức thực hiện",
    " tổ chức triển khai",
    " đẩy mạnh",
    " xây dựng",
    " nâng cao",
    " triển khai",
    " chỉ đạo",
    " chịu trách nhiệm",
    " trong ",
    " mở ",
    " thực hiện",
    " tham mưu",
    " kiểm tra",
    " rà soát",
    " hướng dẫn",
    " tuyên truyền",
    " để ",
    " nhằm",
    " giải quyết",
    " xử lý",
    " theo dõi",
    " đôn đốc",
    " tăng cường",
    " tiếp tục",
    " đề xuất",
    " nghiên cứu",
    " ban hành",
    " bảo đảm",
    " đảm bảo",
    " tập trung",
    " thường xuyên",
    " kịp thời",
    " quản lý",
    " giúp",
    " tổ chức kiểm",
    " có trách nhiệm",
];

/// `phối hợp (chặt chẽ) (với) các cơ quan, đơn vị liên quan tham mưu ...` → `["các cơ quan, đơn vị liên quan"]`.
fn partners_in(text: &str) -> Vec<String> {
    let Some(i) = find_ci(text, "phối hợp") else { return Vec::new() };
    let mut rest = text[i + "phối hợp".len()..].trim_start();
    for w in ["chặt chẽ", "với"] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r.trim_start();
        }
    }
    let end = rest.find(['.', ';', ':']).unwrap_or(rest.len());
    let rest = &rest[..end];
    let padded = format!(" {rest} ");
    let cut = PARTNER_ENDS
        .iter()
        .filter_map(|v| padded.find(v))
        .min()
        .map_or(rest.len(), |c| c.saturating_sub(1).min(rest.len()));
    let list = rest[..cut].trim();
    if list.is_empty() || list.split_whitespace().count() > 25 || !rest.is_char_boundary(cut) {
        return Vec::new();
    }
    vec![crate::words::one_line(list).trim_end_matches([',', ' ']).to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_semicolons_and_leading_dashes_only() {
        assert_eq!(
            split("Công chức Văn phòng TK, Công chức Tài chính – KT UBND xã"),
            vec!["Công chức Văn phòng TK, Công chức Tài chính – KT UBND xã"]
        );
        assert_eq!(
            split("- Văn phòng HĐND-UBND;\n- Các công chức được giao."),
            vec!["Văn phòng HĐND-UBND", "Các công chức được giao"]
        );
        assert_eq!(
            split("…ĐTT xã, thôn; và tổ chức, cá nhân có liên quan"),
            vec!["…ĐTT xã, thôn", "tổ chức, cá nhân có liên quan"]
        );
        assert_eq!(split("Công chức Văn phòng TK UBND xã."), vec!["Công chức Văn phòng TK UBND xã"]);
    }

    #[test]
    fn activity_labels_go() {
        assert_eq!(
            split("- Theo dõi; Công bố, công khai: Công chức Văn phòng TK UBND xã"),
            vec!["Công chức Văn phòng TK UBND xã"]
        );
    }

    #[test]
    fn wrapped_lines_of_a_cell_are_one_name() {
        assert_eq!(split("Lãnh đạo\nPhòng Văn hóa"), vec!["Lãnh đạo Phòng Văn hóa"]);
        assert_eq!(split("- Phòng A\n- Phòng B"), vec!["Phòng A", "Phòng B"]);
    }

    #[test]
    fn unit_headings_lose_wrapper_words() {
        let r = heading_roles("Giao Phòng Nội vụ:").expect("a unit heading");
        assert_eq!(r.lead, vec!["Phòng Nội vụ"]);
        let r = heading_roles("Các phòng, ban chuyên môn; UBND các thôn:").expect("a unit heading");
        assert_eq!(r.lead, vec!["Các phòng, ban chuyên môn", "UBND các thôn"]);
        assert_eq!(heading_roles("Tăng cường công tác tuyên truyền"), None);
        assert_eq!(heading_roles("Các nhiệm vụ trọng tâm:"), None);
    }

    #[test]
    fn a_heading_that_leads_and_names_partners() {
        let r = heading_roles("Phòng Kinh tế chủ trì, phối hợp các phòng, ban:").expect("a unit heading");
        assert_eq!(r.lead, vec!["Phòng Kinh tế"]);
        assert_eq!(r.partners, vec!["các phòng, ban"]);
    }

    #[test]
    fn directing_a_force_and_requesting_another_body() {
        let r = inline_roles("Ban Chỉ huy quân sự huyện chỉ đạo lực lượng dân quân và đề nghị Đồn Biên phòng X: Tuần tra khu vực biên giới.").expect("an inline unit");
        assert_eq!(r.lead, vec!["Ban Chỉ huy quân sự huyện", "Đồn Biên phòng X"]);
    }

    #[test]
    fn inline_units_and_their_own_partners() {
        let r = inline_roles("Đề nghị Hội Nông dân xã: Phối hợp chặt chẽ với Công an xã tuyên truyền cho hội viên.")
            .expect("an inline unit");
        assert_eq!(r.lead, vec!["Hội Nông dân xã"]);
        assert_eq!(r.partners, vec!["Công an xã"]);
        let r = inline_roles("Phòng Văn hóa: Chỉ đạo Đài Truyền thanh phối hợp với Phòng Nội vụ đưa tin.")
            .expect("an inline unit");
        assert!(r.partners.is_empty(), "the phối hợp belongs to the Đài, not to the unit");
        let r = inline_roles(
            "Văn phòng: Thực hiện cải cách hành chính, chủ trì, phối hợp với các đơn vị liên quan mở lớp tập huấn.",
        )
        .expect("an inline unit");
        assert_eq!(r.partners, vec!["các đơn vị liên quan"]);
        assert_eq!(inline_roles("Thời gian thực hiện: Quý II/2025."), None);
    }

    #[test]
    fn assignment_subject_and_partners() {
        let (lead, partners) = assignment("Phòng Tài chính - Kế hoạch huyện chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu cấp kinh phí").expect("an assignment");
        assert_eq!(lead, "Phòng Tài chính - Kế hoạch huyện");
        assert_eq!(partners, vec!["các cơ quan, đơn vị liên quan"]);
        let (lead, _) = assignment("Đề nghị Hội Cựu chiến binh và các đoàn thể: tham gia giám sát.")
            .map_or((String::new(), vec![]), |x| x);
        assert_eq!(lead, "", "an inline unit is not a sentence subject");
        let (lead, _) = assignment("Các phòng, ban thuộc huyện theo chức năng, nhiệm vụ chủ động triển khai.")
            .expect("an assignment");
        assert_eq!(lead, "Các phòng, ban thuộc huyện");
    }
}
