-- 0002: what the analysis stage reads in each article. Every row points to article id + character offsets.
CREATE TABLE analyses (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version     TEXT NOT NULL,
    analyzed_at TEXT NOT NULL,
    record      TEXT NOT NULL            -- the full analysis record (JSON, docs/analysis-schema.md)
);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    label   TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT ''
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,
    entity_id  TEXT REFERENCES entities(id),
    PRIMARY KEY (article_id, start, end, label)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE timexes (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT NOT NULL,
    mod         TEXT,
    earliest    TEXT,
    latest      TEXT,
    granularity TEXT,
    anchor      TEXT,
    PRIMARY KEY (article_id, start, end)
);
CREATE INDEX timexes_interval ON timexes(earliest, latest);

CREATE TABLE statements (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    cue_start      INTEGER,
    cue_end        INTEGER,
    cue_verb       TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_text   TEXT,
    speaker_entity TEXT,
    anonymous      INTEGER NOT NULL DEFAULT 0,
    direct         INTEGER NOT NULL DEFAULT 0,
    channel        TEXT NOT NULL DEFAULT 'unknown',
    relays         TEXT NOT NULL DEFAULT '[]',    -- JSON array, nearest relay first
    PRIMARY KEY (article_id, idx)
);
