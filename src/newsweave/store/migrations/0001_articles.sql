-- 0001: outlets, articles (with full-text index), rejected inputs.
CREATE TABLE outlets (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    domains   TEXT NOT NULL DEFAULT '',      -- space-separated
    country   TEXT,
    kind      TEXT NOT NULL DEFAULT 'unknown',
    aliases   TEXT NOT NULL DEFAULT ''       -- '|'-separated
);

CREATE TABLE articles (
    id                   TEXT PRIMARY KEY,  -- first 16 hex chars of the content hash
    content_hash         TEXT NOT NULL,
    text                 TEXT NOT NULL,
    title                TEXT,
    url                  TEXT,
    outlet_id            TEXT REFERENCES outlets(id),
    outlet_name          TEXT,
    author               TEXT,
    language             TEXT,
    published            TEXT,              -- ISO 8601 with offset, NULL when unknown
    published_precision  TEXT NOT NULL DEFAULT 'unknown',
    published_origin     TEXT NOT NULL DEFAULT 'none',
    published_confidence REAL NOT NULL DEFAULT 0,
    ingested             TEXT NOT NULL,
    source               TEXT,
    external_id          TEXT,
    copy_of              TEXT REFERENCES articles(id),
    copy_similarity      REAL,
    previous_version     TEXT REFERENCES articles(id),  -- same URL, earlier text
    signature            BLOB                -- MinHash signature for near-duplicate lookup
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_copy_of ON articles(copy_of);
CREATE INDEX articles_ingested ON articles(ingested);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE rejections (
    id       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL,
    line     INTEGER NOT NULL DEFAULT 0,     -- 0 when the whole file was rejected
    reason   TEXT NOT NULL,
    message  TEXT NOT NULL,
    excerpt  TEXT,
    first_at TEXT NOT NULL,
    last_at  TEXT NOT NULL,
    seen     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source, line, reason)
);
