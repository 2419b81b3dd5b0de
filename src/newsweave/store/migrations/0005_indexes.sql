-- 0005: indexes for the web UI at 100k reports: later versions of an article, stories by activity.
CREATE INDEX articles_previous_version ON articles(previous_version);
CREATE INDEX stories_last_seen ON stories(merged_into, last_seen);
CREATE INDEX stories_first_seen ON stories(merged_into, first_seen);
