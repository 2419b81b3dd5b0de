-- 0003: stories (online grouping), merges and human corrections, reconciled dossiers.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    first_seen  TEXT,
    last_seen   TEXT,
    created     TEXT NOT NULL,
    merged_into TEXT REFERENCES stories(id)
);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories(id),
    score      REAL,
    copy_of    TEXT REFERENCES articles(id),
    pinned     INTEGER NOT NULL DEFAULT 0,       -- placed by a human: never moved by the system
    reason     TEXT,
    assigned   TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE story_events (                     -- an append-only log of merges, moves and splits
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,                      -- merge | move | split
    manual    INTEGER NOT NULL,
    story_id  TEXT,
    other_id  TEXT,
    article_id TEXT,
    detail    TEXT
);

CREATE TABLE grouper_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL,
    saved   TEXT NOT NULL,
    state   BLOB NOT NULL
);

CREATE TABLE dossiers (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    version  TEXT NOT NULL,
    built    TEXT NOT NULL,
    articles TEXT NOT NULL,                       -- JSON array of the member ids it was built from
    dossier  TEXT NOT NULL                        -- JSON, docs/dossier-schema.md
);

CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    story_id    TEXT REFERENCES stories(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    subject     TEXT,
    predicate   TEXT NOT NULL,
    arguments   TEXT NOT NULL DEFAULT '[]',
    polarity    INTEGER NOT NULL DEFAULT 1,
    hedge       TEXT,
    certainty   REAL NOT NULL DEFAULT 1
);
CREATE INDEX claims_story ON claims(story_id);

CREATE TABLE conflicts (
    id         INTEGER PRIMARY KEY,
    story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    verdict    TEXT NOT NULL,
    claim_a    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    claim_b    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    reason     TEXT NOT NULL
);
CREATE INDEX conflicts_story ON conflicts(story_id);
