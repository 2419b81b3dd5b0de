"""Story grouping: reports join stories online, with stable ids, merges and pinned manual corrections.

Public API::

    features = article_features(article, doc=None, embedder=None)      # or article_features_batch(articles)
    grouper = StoryGrouper(GroupingConfig())
    assignment = grouper.add(features)                                  # Assignment(article_id, story_id, ...)
    grouper.merge(target_id, other_id); grouper.move(article_id, story_id); grouper.split(story_id, ids)
    blob = grouper.snapshot(); grouper = StoryGrouper.restore(blob)
    group_articles(articles, config=None) -> list[Assignment]           # batch mode = the online path
    group_jsonl(INPUT.jsonl, OUTPUT.jsonl)                              # newsweave group
"""

from .batch import arrival_order, group_articles, group_jsonl, read_jsonl_articles
from .features import ArticleFeatures, article_features, article_features_batch, features_from_doc
from .grouper import Assignment, GroupingConfig, StoryGrouper, StoryState

__all__ = [
    "ArticleFeatures",
    "Assignment",
    "GroupingConfig",
    "StoryGrouper",
    "StoryState",
    "arrival_order",
    "article_features",
    "article_features_batch",
    "features_from_doc",
    "group_articles",
    "group_jsonl",
    "read_jsonl_articles",
]
