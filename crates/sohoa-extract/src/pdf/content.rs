//! A content-stream tokenizer: the operations lopdf's `Content::decode` returns for
//! a page or form XObject stream, the same on malformed input, in one pass over the
//! bytes without lopdf's per-token parser combinators.
//!
//! lopdf's rules kept on purpose (its parser is the reference, see
//! `tests/pdf_content.rs` and the `pdf_content` fuzz target):
//! - the first operation that does not parse ends the stream silently, with the
//!   operations before it (a comment must be followed directly by the next token,
//!   operands are separated by space, tab, CR or LF only);
//! - an array or dictionary nested deeper than [`MAX_NESTING`] levels, an `BI`
//!   inline image whose dictionary, `ID` or `EI` does not parse, make the whole
//!   stream invalid (an error);
//! - `null`, `true`, `false` and numbers are not required to end at a delimiter
//!   (`1.5.3` is `1.5` then `.3`); inside arrays and dictionaries `1 0 R` is a reference.
//!
//! Deliberate differences: an inline image without `/ImageMask true` and without a
//! colour space makes lopdf panic (an `unwrap`); here it is skipped to its `EI` like
//! an image of an unknown colour space. An inline image's size computed past
//! `usize` panics in lopdf's debug builds and wraps in its release builds; it wraps here.

use crate::error::ExtractError;
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Object, Stream, StringFormat};

/// Levels of arrays and dictionaries one operand may nest (lopdf's `MAX_NESTING_DEPTH`).
const MAX_NESTING: usize = 100;
/// Parentheses nested inside one literal string (lopdf's `MAX_BRACKET`).
const MAX_BRACKET: usize = 100;

/// Decodes a content stream into its operations.
///
/// # Errors
/// [`ExtractError::Damaged`] where lopdf's `Content::decode` fails: arrays or
/// dictionaries nested too deep, an inline image that does not parse.
pub(crate) fn decode(bytes: &[u8]) -> Result<Content, ExtractError> {
    let mut cursor = Cursor { b: bytes, i: 0, stack: Vec::new() };
    match cursor.operations() {
        Ok(operations) => Ok(Content { operations }),
        Err(Fail::Invalid | Fail::NoMatch) => {
            Err(ExtractError::Damaged { format: "pdf", cause: "invalid content stream".into() })
        }
    }
}

/// [`decode`] in lopdf's terms, for the walk and pdf-extract: where ours fails, lopdf's
/// own decoder answers (the same failure with lopdf's message; rare, so its cost is nil).
pub(crate) fn decode_or_lopdf(bytes: &[u8]) -> Result<Content, pdf_extract::Error> {
    decode(bytes).or_else(|_| Content::decode(bytes))
}

/// Why a token did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fail {
    /// Not this token here: the caller goes back and tries what comes next.
    NoMatch,
    /// The whole stream is invalid.
    Invalid,
}

type Parsed<T> = Result<T, Fail>;

/// lopdf's whitespace inside arrays, dictionaries and hex strings.
fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0C)
}

/// Whitespace between operands and operators.
fn is_content_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_delimiter(c: u8) -> bool {
    matches!(c, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

fn is_operator_byte(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"')
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Where a value sits: at the top of an operation, or inside an array or dictionary
/// (where `1 0 R` is a reference and comments count as space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Operand,
    Nested,
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
    /// Operands and array items parsed and not yet gathered into their `Vec`
    /// (so that each `Vec` is allocated once, at its final size).
    stack: Vec<Object>,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    fn starts_with(&self, tag: &[u8]) -> bool {
        self.b[self.i..].starts_with(tag)
    }

    fn eat(&mut self, tag: &[u8]) -> bool {
        let hit = self.starts_with(tag);
        if hit {
            self.i += tag.len();
        }
        hit
    }

    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.i += 1;
        }
    }

    fn skip_content_space(&mut self) {
        self.skip_while(is_content_space);
    }

    /// `\r\n`, `\n` or `\r`.
    fn eat_eol(&mut self) -> bool {
        self.eat(b"\r\n") || self.eat(b"\n") || self.eat(b"\r")
    }

    /// One `%` comment, which must end with an end of line (else nothing is eaten).
    fn eat_comment(&mut self) -> bool {
        if self.peek() != Some(b'%') {
            return false;
        }
        let Some(end) = self.b[self.i..].iter().position(|&c| c == b'\r' || c == b'\n') else {
            return false;
        };
        self.i += end;
        self.eat_eol()
    }

    /// Whitespace and comments, inside arrays and dictionaries.
    fn skip_space(&mut self) {
        loop {
            let start = self.i;
            self.skip_while(is_white);
            if !self.eat_comment() && self.i == start {
                return;
            }
        }
    }

    /// Every operation up to the first that does not parse.
    fn operations(&mut self) -> Parsed<Vec<Operation>> {
        self.skip_content_space();
        // About one operation per 12 bytes in text-heavy pages.
        let mut ops = Vec::with_capacity(self.b.len() / 12);
        loop {
            while self.eat_comment() {}
            if self.eat(b"BI") {
                self.skip_content_space();
                ops.push(self.inline_image()?);
                continue;
            }
            loop {
                let start = self.i;
                match self.value(Place::Operand, MAX_NESTING) {
                    Ok(v) => {
                        self.stack.push(v);
                        self.skip_content_space();
                    }
                    Err(Fail::NoMatch) => {
                        self.i = start;
                        break;
                    }
                    Err(Fail::Invalid) => return Err(Fail::Invalid),
                }
            }
            let start = self.i;
            self.skip_while(is_operator_byte);
            if self.i == start {
                return Ok(ops);
            }
            // Only ASCII bytes were taken, so the text is always valid.
            let operator = std::str::from_utf8(&self.b[start..self.i]).map(String::from).unwrap_or_default();
            self.skip_content_space();
            ops.push(Operation { operator, operands: self.stack.split_off(0) });
        }
    }

    /// One object; `budget` is how many more levels of arrays and dictionaries may open.
    fn value(&mut self, place: Place, budget: usize) -> Parsed<Object> {
        let Some(c) = self.peek() else { return Err(Fail::NoMatch) };
        match c {
            b'n' => self.keyword(b"null", Object::Null),
            b't' => self.keyword(b"true", Object::Boolean(true)),
            b'f' => self.keyword(b"false", Object::Boolean(false)),
            b'0'..=b'9' if place == Place::Nested => {
                let start = self.i;
                if let Some(id) = self.reference() {
                    return Ok(Object::Reference(id));
                }
                self.i = start;
                self.number()
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'/' => Ok(Object::Name(self.name())),
            b'(' => self.literal().map(|s| Object::String(s, StringFormat::Literal)),
            b'<' if self.at(1) == Some(b'<') => {
                self.i += 2;
                self.skip_space();
                let dict = self.dict_entries(budget)?;
                if self.eat(b">>") {
                    Ok(Object::Dictionary(dict))
                } else {
                    Err(Fail::NoMatch)
                }
            }
            b'<' => self.hex(),
            b'[' => self.array(budget),
            _ => Err(Fail::NoMatch),
        }
    }

    fn keyword(&mut self, word: &[u8], object: Object) -> Parsed<Object> {
        if self.eat(word) {
            Ok(object)
        } else {
            Err(Fail::NoMatch)
        }
    }

    /// Digits at the cursor, eaten.
    fn digits(&mut self) -> &[u8] {
        let start = self.i;
        self.skip_while(|c| c.is_ascii_digit());
        &self.b[start..self.i]
    }

    /// `n g R` (any space and comments between), or `None` with the cursor moved.
    fn reference(&mut self) -> Option<(u32, u16)> {
        let num = parse_ascii::<u32>(self.digits())?;
        self.skip_space();
        let gen = parse_ascii::<u16>(self.digits())?;
        self.skip_space();
        self.eat(b"R").then_some((num, gen))
    }

    /// A real (`1.`, `-.5`, `+2.50`) or else an integer (`-7`, `+3`).
    fn number(&mut self) -> Parsed<Object> {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.i += 1;
        }
        let int_start = self.i;
        let int_digits = self.digits().len();
        let after_int = self.i;
        let fraction = self.peek() == Some(b'.') && (int_digits > 0 || self.at(1).is_some_and(|c| c.is_ascii_digit()));
        if fraction {
            self.i += 1;
            let frac_start = self.i;
            self.digits();
            let b = self.b;
            let real = short_real(negative, &b[int_start..after_int], &b[frac_start..self.i])
                .or_else(|| parse_ascii::<f32>(&self.b[start..self.i]));
            if let Some(r) = real {
                return Ok(Object::Real(r));
            }
        }
        if int_digits == 0 {
            self.i = start;
            return Err(Fail::NoMatch);
        }
        self.i = after_int;
        integer(negative, &self.b[int_start..after_int]).map(Object::Integer).ok_or(Fail::NoMatch)
    }

    /// A name after its `/`: `#xx` is a byte, a `#` not followed by two hex digits ends it.
    fn name(&mut self) -> Vec<u8> {
        self.i += 1;
        let start = self.i;
        self.skip_while(|c| c != b'#' && is_regular(c));
        let mut out = self.b[start..self.i].to_vec();
        while let Some(c) = self.peek() {
            if c == b'#' {
                match (self.at(1).and_then(hex_value), self.at(2).and_then(hex_value)) {
                    (Some(h), Some(l)) => {
                        out.push((h << 4) | l);
                        self.i += 3;
                    }
                    _ => break,
                }
            } else if is_regular(c) {
                out.push(c);
                self.i += 1;
            } else {
                break;
            }
        }
        out
    }

    /// A `(...)` string: escapes decoded, nested parentheses kept, line ends kept as written.
    fn literal(&mut self) -> Parsed<Vec<u8>> {
        self.i += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let rest = &self.b[self.i..];
            let run = rest.iter().position(|&c| matches!(c, b'(' | b')' | b'\\' | b'\r' | b'\n'));
            let Some(run) = run else { return Err(Fail::NoMatch) };
            out.extend_from_slice(&rest[..run]);
            self.i += run;
            match rest[run] {
                b'(' if depth == MAX_BRACKET => return Err(Fail::NoMatch),
                b'(' => {
                    depth += 1;
                    out.push(b'(');
                    self.i += 1;
                }
                b')' if depth == 0 => {
                    self.i += 1;
                    return Ok(out);
                }
                b')' => {
                    depth -= 1;
                    out.push(b')');
                    self.i += 1;
                }
                b'\\' => self.escape(&mut out)?,
                _ => {
                    let start = self.i;
                    self.eat_eol();
                    out.extend_from_slice(&self.b[start..self.i]);
                }
            }
        }
    }

    /// The escape at the cursor (`\n`, `\053`, `\` + end of line, `\x` is `x`).
    fn escape(&mut self, out: &mut Vec<u8>) -> Parsed<()> {
        self.i += 1;
        let Some(c) = self.peek() else { return Err(Fail::NoMatch) };
        if (b'0'..=b'7').contains(&c) {
            let mut v = 0u16;
            let mut n = 0;
            while n < 3 && self.peek().is_some_and(|d| (b'0'..=b'7').contains(&d)) {
                v = v * 8 + u16::from(self.b[self.i] - b'0');
                self.i += 1;
                n += 1;
            }
            // Overflow past a byte is ignored, as the specification asks.
            out.push(v as u8);
            return Ok(());
        }
        if self.eat_eol() {
            return Ok(());
        }
        self.i += 1;
        out.push(match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => 0x08,
            b'f' => 0x0C,
            other => other,
        });
        Ok(())
    }

    /// A `<...>` hex string; whitespace between digits is skipped, an odd last digit is a high nibble.
    fn hex(&mut self) -> Parsed<Object> {
        self.i += 1;
        let digits = self.b[self.i..].iter().position(|&c| c == b'>').unwrap_or(0);
        let mut out = Vec::with_capacity(digits.div_ceil(2));
        let mut high = true;
        loop {
            self.skip_while(is_white);
            let Some(v) = self.peek().and_then(hex_value) else { break };
            if high {
                out.push(v << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= v;
            }
            high = !high;
            self.i += 1;
        }
        if self.eat(b">") {
            Ok(Object::String(out, StringFormat::Hexadecimal))
        } else {
            Err(Fail::NoMatch)
        }
    }

    /// A `[...]` array, whose elements may nest `budget - 1` more levels.
    fn array(&mut self, budget: usize) -> Parsed<Object> {
        self.i += 1;
        self.skip_space();
        if budget == 0 {
            return Err(Fail::Invalid);
        }
        let base = self.stack.len();
        loop {
            let start = self.i;
            match self.value(Place::Nested, budget - 1) {
                Ok(v) => {
                    self.stack.push(v);
                    self.skip_space();
                }
                Err(Fail::NoMatch) => {
                    self.i = start;
                    break;
                }
                Err(Fail::Invalid) => return Err(Fail::Invalid),
            }
        }
        if self.eat(b"]") {
            Ok(Object::Array(self.stack.split_off(base)))
        } else {
            self.stack.truncate(base);
            Err(Fail::NoMatch)
        }
    }

    /// `/Key value` pairs up to the first that does not parse; values may nest
    /// `budget - 1` more levels.
    fn dict_entries(&mut self, budget: usize) -> Parsed<Dictionary> {
        let mut dict = Dictionary::new();
        while self.peek() == Some(b'/') {
            let start = self.i;
            let key = self.name();
            self.skip_space();
            if budget == 0 {
                return Err(Fail::Invalid);
            }
            match self.value(Place::Nested, budget - 1) {
                Ok(v) => {
                    self.skip_space();
                    dict.set(key, v);
                }
                Err(Fail::NoMatch) => {
                    self.i = start;
                    break;
                }
                Err(Fail::Invalid) => return Err(Fail::Invalid),
            }
        }
        Ok(dict)
    }

    /// An inline image after `BI` and its space: the image as one stream operand,
    /// or no operand when its data cannot be measured (then skipped to `EI`).
    fn inline_image(&mut self) -> Parsed<Operation> {
        let dict = self.dict_entries(MAX_NESTING).map_err(|_| Fail::Invalid)?;
        if !self.eat(b"ID") {
            return Err(Fail::Invalid);
        }
        self.skip_content_space();
        let rest = &self.b[self.i..];
        let operands = match image_data_len(&dict).filter(|&len| len <= rest.len()) {
            Some(len) => {
                let data = rest[..len].to_vec();
                self.i += len;
                self.skip_content_space();
                if !self.eat(b"EI") {
                    return Err(Fail::Invalid);
                }
                vec![Object::Stream(Stream::new(dict, data))]
            }
            None => {
                let at = rest.windows(4).position(|w| {
                    matches!(w[0], b' ' | b'\n' | b'\r') && &w[1..3] == b"EI" && matches!(w[3], b' ' | b'\n' | b'\r')
                });
                let Some(at) = at else { return Err(Fail::Invalid) };
                self.i += at + 3;
                Vec::new()
            }
        };
        self.skip_content_space();
        Ok(Operation { operator: "BI".into(), operands })
    }
}

/// The byte length of an unfiltered inline image, `None` where lopdf cannot tell it.
fn image_data_len(dict: &Dictionary) -> Option<usize> {
    let get = |abbr: &[u8], key: &[u8]| dict.get(abbr).or_else(|_| dict.get(key)).ok();
    // `as usize` and the wrapping products follow lopdf's release build.
    let width = get(b"W", b"Width")?.as_i64().ok()? as usize;
    let height = get(b"H", b"Height")?.as_i64().ok()? as usize;
    let bpc = get(b"BPC", b"BitsPerComponent")?.as_i64().ok()? as usize;
    let mask = get(b"IM", b"ImageMask").and_then(|o| o.as_bool().ok()) == Some(true);
    let colors: usize = if mask {
        1
    } else {
        match get(b"CS", b"ColorSpace")?.as_name().ok()? {
            b"DeviceGray" | b"Gray" => 1,
            b"DeviceRGB" | b"RGB" => 3,
            b"DeviceRGBA" | b"RGBA" | b"DeviceCMYK" | b"CMYK" => 4,
            _ => return None,
        }
    };
    if get(b"F", b"Filter").is_some() {
        return None;
    }
    let stride = width.wrapping_mul(colors.wrapping_mul(bpc)).div_ceil(8);
    Some(height.wrapping_mul(stride))
}

/// Decimal digits as an `i64` (with their sign), `None` past its range, as `i64::from_str`.
fn integer(negative: bool, digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |acc, &d| {
        let d = i64::from(d - b'0');
        let acc = acc.checked_mul(10)?;
        if negative {
            acc.checked_sub(d)
        } else {
            acc.checked_add(d)
        }
    })
}

/// Powers of ten exact in an `f32`.
const POW10: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// `int.frac` as the nearest `f32` when its digits fit an `f32` mantissa and its
/// fraction has at most ten digits (one correctly rounded division of two exact
/// values, so the same as `f32::from_str`); `None` for the general parser otherwise.
fn short_real(negative: bool, int: &[u8], frac: &[u8]) -> Option<f32> {
    let k = frac.len();
    if k >= POW10.len() {
        return None;
    }
    let mut m = 0u32;
    for &d in int.iter().chain(frac) {
        m = m * 10 + u32::from(d - b'0');
        if m >= 1 << 24 {
            return None;
        }
    }
    // m < 2^24: exact as an f32.
    let v = m as f32 / POW10[k];
    Some(if negative { -v } else { v })
}

/// `text` (ASCII digits, signs and dots) parsed as a number.
fn parse_ascii<T: std::str::FromStr>(text: &[u8]) -> Option<T> {
    std::str::from_utf8(text).ok()?.parse().ok()
}
