//! Prints the content-stream operators of one PDF page (debugging aid): `pdf_ops FILE PAGE`.

use sohoa_extract::ExtractError;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(page)) = (args.get(1), args.get(2).and_then(|p| p.parse::<u32>().ok())) else {
        return Err(Box::new(ExtractError::Unsupported("usage: pdf_ops FILE PAGE".into())));
    };
    let doc = pdf_extract::Document::load(file)?;
    let id = *doc.get_pages().get(&page).ok_or("no such page")?;
    let content = pdf_extract::content::Content::decode(&doc.get_page_content(id)?)?;
    for op in content.operations {
        println!("{} {:?}", op.operator, op.operands);
    }
    Ok(())
}
