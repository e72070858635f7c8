//! The tables of the archive store: one per record type plus `files`,
//! `errors`, `task_units` and the folded full-text index `search`.

/// Bumped when a table changes; a store of another version is rebuilt.
pub const STORE_VERSION: &str = "2";

/// Every table and index, created when missing.
pub const SCHEMA: &str = r"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,          -- relative to the archive root, the key of every table
    source TEXT NOT NULL,           -- the path as given to sohoa convert
    output TEXT NOT NULL,           -- the .jsonl file, relative to the output folder
    doc_id TEXT,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    status TEXT NOT NULL,           -- ok | error
    sohoa_version TEXT NOT NULL,
    schema_version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY, doc_id TEXT NOT NULL, kind TEXT NOT NULL, number TEXT, issuer TEXT,
    place TEXT, date TEXT, year INTEGER, title TEXT,
    signer_name TEXT, signer_title TEXT, signer_authority TEXT,
    recipients TEXT NOT NULL, attachments TEXT NOT NULL,   -- JSON arrays
    format TEXT, pages INTEGER, ocr INTEGER, confidence REAL, sha256 TEXT
);
CREATE TABLE IF NOT EXISTS sections (
    path TEXT NOT NULL, doc_id TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, label TEXT,
    section_path TEXT NOT NULL,     -- JSON array of labels
    title TEXT NOT NULL, page INTEGER, line INTEGER,
    PRIMARY KEY (path, id)
);
CREATE TABLE IF NOT EXISTS tasks (
    path TEXT NOT NULL, doc_id TEXT NOT NULL, id TEXT NOT NULL,
    doc_number TEXT, doc_issuer TEXT, doc_year INTEGER,
    section TEXT NOT NULL, label TEXT, content TEXT NOT NULL,
    lead TEXT NOT NULL, partners TEXT NOT NULL,   -- units joined with '; ' (one row each in task_units)
    deadline_raw TEXT, deadline_kind TEXT, deadline_start TEXT, deadline_end TEXT, deadline_recurrence TEXT,
    outputs TEXT, notes TEXT, page INTEGER, line INTEGER, tbl INTEGER, row INTEGER,
    PRIMARY KEY (path, id)
);
CREATE TABLE IF NOT EXISTS task_units (
    path TEXT NOT NULL, task_id TEXT NOT NULL, role TEXT NOT NULL, position INTEGER NOT NULL,
    unit TEXT NOT NULL, unit_folded TEXT NOT NULL,
    PRIMARY KEY (path, task_id, role, position)
);
CREATE TABLE IF NOT EXISTS citations (
    path TEXT NOT NULL, doc_id TEXT NOT NULL, seq INTEGER NOT NULL,
    doc_number TEXT, doc_issuer TEXT,
    kind TEXT NOT NULL, number TEXT, year INTEGER, symbol TEXT, key TEXT NOT NULL, date TEXT,
    issuer TEXT, title TEXT, pinpoint TEXT, role TEXT NOT NULL, text TEXT NOT NULL,
    page INTEGER, line INTEGER,
    target_doc_id TEXT, target_path TEXT,        -- the cited document, when it is in the archive
    PRIMARY KEY (path, seq)
);
CREATE TABLE IF NOT EXISTS kpis (
    path TEXT NOT NULL, doc_id TEXT NOT NULL, seq INTEGER NOT NULL,
    doc_number TEXT, doc_issuer TEXT, doc_year INTEGER,
    indicator TEXT NOT NULL, comparator TEXT NOT NULL, value REAL NOT NULL, value_max REAL,
    unit TEXT, period TEXT, task_id TEXT, text TEXT NOT NULL, page INTEGER, line INTEGER,
    PRIMARY KEY (path, seq)
);
CREATE TABLE IF NOT EXISTS errors (
    path TEXT PRIMARY KEY, doc_id TEXT, stage TEXT NOT NULL, cause TEXT NOT NULL
);
-- the folded index keeps no copy of the text (contentless); search_rows says
-- which record each index row stands for, and the record's table gives its text
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    folded, content = '', contentless_delete = 1, tokenize = 'unicode61'
);
CREATE TABLE IF NOT EXISTS search_rows (
    id INTEGER PRIMARY KEY,         -- the rowid of the index row
    type TEXT NOT NULL, path TEXT NOT NULL, ref TEXT NOT NULL, page INTEGER, line INTEGER
);
CREATE INDEX IF NOT EXISTS search_rows_path ON search_rows(path);
CREATE INDEX IF NOT EXISTS documents_number ON documents(number);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE INDEX IF NOT EXISTS tasks_deadline ON tasks(deadline_end);
CREATE INDEX IF NOT EXISTS tasks_doc_year ON tasks(doc_year);
CREATE INDEX IF NOT EXISTS task_units_unit ON task_units(unit_folded);
CREATE INDEX IF NOT EXISTS citations_key ON citations(number, symbol, year);
CREATE INDEX IF NOT EXISTS citations_target ON citations(target_path);
";

/// Tables in export order, each with the columns that order its rows.
pub const TABLES: [(&str, &str); 8] = [
    ("files", "path"),
    ("documents", "path"),
    ("sections", "path, id"),
    ("tasks", "path, id"),
    ("task_units", "path, task_id, role, position"),
    ("citations", "path, seq"),
    ("kpis", "path, seq"),
    ("errors", "path"),
];
