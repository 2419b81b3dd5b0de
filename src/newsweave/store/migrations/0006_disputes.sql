-- 0006: the dispute a contradiction belongs to (its index in the dossier's `disputes`), so that a story counts
-- its disputed facts, not every pair of reports that disagree on one.
ALTER TABLE conflicts ADD COLUMN dispute INTEGER;
