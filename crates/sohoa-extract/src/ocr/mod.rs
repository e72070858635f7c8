//! OCR through Tesseract (`tesseract` + `pdftoppm` as external programs): page images to positioned words.
