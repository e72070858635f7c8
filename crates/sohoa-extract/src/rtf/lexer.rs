//! RTF tokenizer: groups, control words with parameters, control symbols,
//! `\'xx` bytes, `\binN` data and plain text runs.

/// One RTF token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    GroupStart,
    GroupEnd,
    /// `\word` or `\wordN` (the word is ASCII letters).
    Control {
        word: &'a str,
        param: Option<i32>,
    },
    /// `\` followed by a non-letter (`\~`, `\-`, `\*`, `\{`...).
    Symbol(u8),
    /// `\'xx`.
    Hex(u8),
    /// A run of literal bytes.
    Text(&'a [u8]),
    /// `\binN` data.
    Bin(&'a [u8]),
}

/// Longest control word RTF allows.
const MAX_WORD: usize = 32;

/// Iterates over the tokens of an RTF byte string.
pub(crate) struct Lexer<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Self {
        Lexer { b, at: 0 }
    }

    /// Bytes consumed so far.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    fn control(&mut self) -> Token<'a> {
        let start = self.at;
        while self.at < self.b.len() && self.b[self.at].is_ascii_alphabetic() && self.at - start < MAX_WORD {
            self.at += 1;
        }
        // The bytes are ASCII letters, so this is valid UTF-8.
        let word = std::str::from_utf8(&self.b[start..self.at]).unwrap_or("");
        let param = self.param();
        if self.b.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        if word == "bin" {
            let n = param.unwrap_or(0).max(0) as usize;
            let end = self.at.saturating_add(n).min(self.b.len());
            let data = &self.b[self.at..end];
            self.at = end;
            return Token::Bin(data);
        }
        Token::Control { word, param }
    }

    /// An optional signed decimal parameter, saturating.
    fn param(&mut self) -> Option<i32> {
        let neg = self.b.get(self.at) == Some(&b'-') && self.b.get(self.at + 1).is_some_and(u8::is_ascii_digit);
        if neg {
            self.at += 1;
        }
        let start = self.at;
        let mut v: i64 = 0;
        while let Some(d) = self.b.get(self.at).filter(|c| c.is_ascii_digit()) {
            v = (v * 10 + i64::from(d - b'0')).min(i64::from(i32::MAX));
            self.at += 1;
        }
        (self.at > start).then_some(if neg { -v } else { v } as i32)
    }

    fn hex(&mut self) -> Token<'a> {
        let digits = self.b.get(self.at..self.at + 2).and_then(|h| std::str::from_utf8(h).ok());
        match digits.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.at += 2;
                Token::Hex(v)
            }
            None => Token::Symbol(b'\''),
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let c = *self.b.get(self.at)?;
            self.at += 1;
            return Some(match c {
                b'{' => Token::GroupStart,
                b'}' => Token::GroupEnd,
                b'\r' | b'\n' => continue,
                b'\\' => match self.b.get(self.at) {
                    Some(n) if n.is_ascii_alphabetic() => self.control(),
                    Some(b'\'') => {
                        self.at += 1;
                        self.hex()
                    }
                    Some(b'\r' | b'\n') => {
                        self.at += 1;
                        Token::Control { word: "par", param: None }
                    }
                    Some(&s) => {
                        self.at += 1;
                        Token::Symbol(s)
                    }
                    None => continue,
                },
                _ => {
                    let start = self.at - 1;
                    while self.b.get(self.at).is_some_and(|c| !matches!(c, b'{' | b'}' | b'\\' | b'\r' | b'\n')) {
                        self.at += 1;
                    }
                    Token::Text(&self.b[start..self.at])
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_a_small_document() {
        let toks: Vec<Token> = Lexer::new(br"{\rtf1\f0 a\'e9\u-3852?\bin2 xy}").collect();
        assert_eq!(toks[1], Token::Control { word: "rtf", param: Some(1) });
        assert_eq!(toks[3], Token::Text(b"a"));
        assert_eq!(toks[4], Token::Hex(0xE9));
        assert_eq!(toks[5], Token::Control { word: "u", param: Some(-3852) });
        assert_eq!(toks[7], Token::Bin(b"xy"));
        assert_eq!(toks[8], Token::GroupEnd);
    }
}
