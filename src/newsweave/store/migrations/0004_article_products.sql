-- 0004: per-article products of the analysis pass that later stages reuse without re-parsing:
-- 'claims' (the reconcile stage's claims, sentences and statements, JSON) and 'grouping' (story-grouping
-- features, JSON). Each carries the version of the code that made it, so an upgrade recomputes only stale rows.
CREATE TABLE article_products (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    version    TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, kind)
);
