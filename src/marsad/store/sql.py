"""SQL shared by the SQLite store's parts."""

# An article's moment: its publication date, else when it was fetched (SaudiNewsNet gives only
# that), as the story clustering places it (`corpus.stories._moment`): undated articles count in
# date filters, orders, timelines and story spans instead of falling out of them.
WHEN = "coalesce(published, fetched_at)"
A_WHEN = "coalesce(a.published, a.fetched_at)"
