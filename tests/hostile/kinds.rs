//! The hostile inputs of `tests/hostile/`, made at test time: each kind one
//! file (or file-system entry) and whether it must give an error record.

use std::io::Write;
use std::path::Path;

/// What a kind must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// One error record naming the file, whose cause contains the text.
    Error(&'static str),
    /// One output file: records or one error record, never a crash of the batch.
    Either,
    /// No output: skipped with a warning.
    Skipped,
}

/// A small deterministic RNG (xorshift64*), so the inputs are the same every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// A minimal PDF around `objects` (numbered from 1; 1 is the catalog).
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

fn page_pdf(page_extra: &str, content: &[u8]) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R {page_extra}>>").into_bytes(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
    ])
}

/// A zip with the given entries (deflated).
pub fn zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).expect("in memory");
        w.write_all(data).expect("in memory");
    }
    w.finish().expect("in memory").into_inner()
}

/// An OLE2 compound file with one small stream per name.
pub fn ole(streams: &[&str]) -> Vec<u8> {
    let mut c = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("in memory");
    for s in streams {
        c.create_stream(format!("/{s}")).expect("in memory").write_all(&[0u8; 5000]).expect("in memory");
    }
    c.into_inner().into_inner()
}

fn docx_with(document_xml: Vec<u8>) -> Vec<u8> {
    let types = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    zip(&[("[Content_Types].xml", types.to_vec()), ("_rels/.rels", rels.to_vec()), ("word/document.xml", document_xml)])
}

/// Writes every generated kind into `dir`; returns (file name, expectation).
/// `good` holds good corpus files to damage.
pub fn make_all(dir: &Path, fixtures: &Path, good: &Good) -> Vec<(String, Expect)> {
    use Expect::*;
    let mut rng = Rng::new(0x5011_0a11);
    let mut kinds: Vec<(String, Vec<u8>, Expect)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>, e: Expect| kinds.push((name.to_string(), bytes, e));
    // the three batch-killers of issue 11, kept as fixtures
    for (name, cause) in [
        ("nested-arrays-50000.pdf", "pdf.nesting"),
        ("flate-bomb-300MiB.pdf", "pdf.stream_bytes"),
        ("sparse-A1-XFD1048576.xlsx", "sheet.cells"),
    ] {
        add(name, std::fs::read(fixtures.join(name)).expect("fixture"), Error(cause));
    }
    // empty and tiny
    add("empty-pdf.pdf", Vec::new(), Error("pdf"));
    add("empty-docx.docx", Vec::new(), Error("docx"));
    add("empty-xlsx.xlsx", Vec::new(), Error("xlsx"));
    add("empty-doc.doc", Vec::new(), Error("doc"));
    add("empty-txt.txt", Vec::new(), Either);
    add("whitespace.txt", b"   \n\n\t\n".to_vec(), Either);
    add("header-only.pdf", b"%PDF-1.7\n".to_vec(), Error("pdf"));
    // random bytes and wrong extensions
    add("random-pdf.pdf", rng.bytes(20_000), Error("pdf"));
    add("random-with-header.pdf", [b"%PDF-1.4\n".to_vec(), rng.bytes(20_000)].concat(), Error("pdf"));
    add("random-docx.docx", rng.bytes(20_000), Error("docx"));
    add("random-xlsx.xlsx", rng.bytes(20_000), Error("xlsx"));
    add("random-doc.doc", rng.bytes(20_000), Error("doc"));
    add("random-xls.xls", rng.bytes(20_000), Error("xls"));
    add("random-rtf.rtf", rng.bytes(20_000), Either);
    add("random-ods.ods", rng.bytes(20_000), Error("ods"));
    add("binary.txt", [b"abc\0".to_vec(), rng.bytes(5000)].concat(), Error("binary"));
    add("pdf-named.docx", good.pdf.clone(), Either);
    add("docx-named.pdf", good.docx.clone(), Either);
    // truncated good files
    add("truncated-pdf.pdf", good.pdf[..good.pdf.len() / 10].to_vec(), Either);
    add("truncated-docx.docx", good.docx[..good.docx.len() / 2].to_vec(), Error("docx"));
    add("truncated-doc.doc", good.doc[..good.doc.len() / 3].to_vec(), Error("doc"));
    add("truncated-rtf.rtf", b"{\\rtf1\\ansi {\\fonttbl{\\f0 Times;}} K\\'ea ho\\'e1ch {\\b ".to_vec(), Either);
    // PDFs built to hurt
    add(
        "no-pages.pdf",
        pdf(&[b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(), b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec()]),
        Error("pdf"),
    );
    add(
        "page-tree-loop.pdf",
        pdf(&[b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(), b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>".to_vec()]),
        Error("pdf"),
    );
    add(
        "deep-dicts.pdf",
        page_pdf(&format!("/X {}1{} ", "<< /A ".repeat(20_000), " >>".repeat(20_000)), b"BT ET"),
        Error("pdf.nesting"),
    );
    add(
        "content-bomb-array.pdf",
        page_pdf("", &[b"BT ".to_vec(), b"[".repeat(100_000), b"] TJ ET".to_vec()].concat()),
        Either,
    );
    add(
        "encrypted.pdf",
        {
            let enc = b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> >>";
            let mut f = page_pdf("", b"BT ET");
            let at = f.windows(7).rposition(|w| w == b"trailer").expect("trailer");
            let tail =
                String::from_utf8_lossy(&f[at..]).replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 5 0 R /ID [<01> <01>]");
            f.truncate(at);
            f.extend_from_slice(b"5 0 obj\n");
            f.extend_from_slice(enc);
            f.extend_from_slice(b"\nendobj\n");
            f.extend_from_slice(tail.as_bytes());
            f
        },
        Error("encrypted"),
    );
    add(
        "huge-mediabox.pdf",
        pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1e30 1e30] >>".to_vec(),
        ]),
        Either,
    );
    // zip and XML bombs, nesting in XML
    add("zip-bomb-docx.docx", docx_with(vec![b' '; 300 << 20]), Error("limit"));
    add("zip-bomb-xlsx.xlsx", zip(&[("xl/worksheets/sheet1.xml", vec![b' '; 300 << 20])]), Error("limit"));
    add(
        "xml-billion-laughs.docx",
        docx_with({
            let mut x = br#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">"#.to_vec();
            for i in 1..10 {
                x.extend_from_slice(
                    format!(
                        "<!ENTITY {} \"{}\">",
                        (b'a' + i) as char,
                        format!("&{};", (b'a' + i - 1) as char).repeat(10)
                    )
                    .as_bytes(),
                );
            }
            x.extend_from_slice(br#"]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"#);
            x
        }),
        Either,
    );
    add(
        "xml-deep-nesting.docx",
        docx_with(
            [
                br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
                    .to_vec(),
                b"<w:tbl><w:tr><w:tc>".repeat(30_000),
                b"</w:tc></w:tr></w:tbl>".repeat(30_000),
                b"</w:body></w:document>".to_vec(),
            ]
            .concat(),
        ),
        Either,
    );
    add("no-document-part.docx", zip(&[("hello.txt", b"hi".to_vec())]), Error("docx"));
    add(
        "rtf-deep-groups.rtf",
        [b"{\\rtf1 ".to_vec(), b"{".repeat(100_000), b"x".to_vec(), b"}".repeat(100_000), b"}".to_vec()].concat(),
        Either,
    );
    // OLE2 look-alikes
    add("password-docx.docx", ole(&["EncryptionInfo", "EncryptedPackage"]), Error("a password is needed"));
    add("password-xlsx.xlsx", ole(&["EncryptionInfo", "EncryptedPackage"]), Error("a password is needed"));
    add("presentation-renamed.doc", ole(&["PowerPoint Document", "Current User"]), Error("format not supported"));
    add("ole-without-word.doc", ole(&["Nothing"]), Error("doc"));
    // text that is almost right
    add(
        "utf8-one-bad-byte.txt",
        {
            let mut t = good.text.clone();
            t.insert(t.len() / 2, 0xFF);
            t
        },
        Either,
    );
    add(
        "utf16le-no-bom.txt",
        "KẾ HOẠCH cải cách hành chính năm 2025\n".repeat(20).encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Either,
    );
    add("one-long-line.txt", b"a".repeat(20 << 20), Either);
    // odd names
    add("tên có dấu cách và dấu.txt", good.text.clone(), Either);
    add("-starts-with-dash.txt", good.text.clone(), Either);
    add("line\nbreak.txt", good.text.clone(), Either);
    let mut out: Vec<(String, Expect)> = Vec::new();
    for (name, bytes, e) in kinds {
        std::fs::write(dir.join(&name), bytes).expect("write hostile input");
        out.push((name, e));
    }
    out.extend(special_entries(dir));
    out
}

/// Entries that are not plain files: links, a FIFO, a huge sparse file, a non-UTF-8 name.
fn special_entries(dir: &Path) -> Vec<(String, Expect)> {
    use std::os::unix::ffi::OsStrExt;
    let mut out = Vec::new();
    std::os::unix::fs::symlink(dir.join("loop-b.pdf"), dir.join("loop-a.pdf")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("loop-a.pdf"), dir.join("loop-b.pdf")).expect("symlink");
    out.push(("loop-a.pdf".to_string(), Expect::Error("cannot read file")));
    out.push(("loop-b.pdf".to_string(), Expect::Error("cannot read file")));
    std::os::unix::fs::symlink(dir.join("missing-target.docx"), dir.join("dangling.docx")).expect("symlink");
    out.push(("dangling.docx".to_string(), Expect::Error("cannot read file")));
    let fifo = std::ffi::CString::new(dir.join("pipe.txt").as_os_str().as_bytes()).expect("no NUL");
    // SAFETY: mkfifo with a NUL-terminated path
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0, "mkfifo");
    out.push(("pipe.txt".to_string(), Expect::Skipped));
    let huge = std::fs::File::create(dir.join("huge.pdf")).expect("create");
    huge.set_len(600 << 20).expect("sparse file");
    out.push(("huge.pdf".to_string(), Expect::Error("limit")));
    let odd = std::ffi::OsStr::from_bytes(b"latin1-\xe9t\xe9.txt");
    std::fs::write(dir.join(odd), b"K\xea ho\xe1ch").expect("write");
    out.push((odd.to_string_lossy().into_owned(), Expect::Either));
    out
}

/// Good corpus files the kinds are made from.
pub struct Good {
    pub pdf: Vec<u8>,
    pub docx: Vec<u8>,
    pub doc: Vec<u8>,
    pub text: Vec<u8>,
}

/// `count` damaged copies of the PDFs in `sources`: cut, bytes inserted,
/// CRLF-converted, xref removed, in turn.
pub fn damaged_pdfs(sources: &[Vec<u8>], count: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            let mut b = sources[i % sources.len()].clone();
            match i % 4 {
                0 => b.truncate(b.len() / 2 + rng.below(b.len() * 45 / 100)),
                1 => {
                    let at = b.len() / 10 + rng.below(b.len() * 9 / 10);
                    let n = 1 + rng.below(16);
                    let junk = rng.bytes(n);
                    b.splice(at..at, junk);
                }
                2 => {
                    let mut out = Vec::with_capacity(b.len() * 11 / 10);
                    for (j, &c) in b.iter().enumerate() {
                        if c == b'\n' && (j == 0 || b[j - 1] != b'\r') {
                            out.push(b'\r');
                        }
                        out.push(c);
                    }
                    b = out;
                }
                _ => {
                    if let Some(x) = b.windows(4).rposition(|w| w == b"xref") {
                        b.truncate(x);
                        b.extend_from_slice(b"\n%%EOF\n");
                    }
                }
            }
            b
        })
        .collect()
}
