"""Free-text search over a hazard's description and place (enterprise name or location).

SQLite: an FTS5 external-content table `hazards_fts` with the trigram tokenizer (any substring of
3 or more characters, Chinese included), kept current by triggers. PostgreSQL: a pg_trgm GIN
index over `place || ' ' || description`, used by ILIKE. Both are created by migration
0002_hazards. Terms shorter than 3 characters cannot use either index: they are tested row by
row (see services/hazard_filters.py), which walking the sort order keeps quick for common terms.
"""

from __future__ import annotations

from sqlalchemy import literal_column

FTS_TABLE = "hazards_fts"
MIN_INDEXED = 3  # trigram: shorter terms cannot use the index

# The PostgreSQL trigram expression: the query must spell it exactly like the index does.
PG_SEARCH_SQL = "(hazards.place || ' ' || hazards.description)"
pg_search_expr = literal_column(PG_SEARCH_SQL)


def fts_phrase(term: str) -> str:
    """One FTS5 string literal: the term matched as a substring (quotes doubled)."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """'%term%' with LIKE's wildcards escaped (backslash: PostgreSQL's default, SQLite's ESCAPE)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def split_terms(raw: str) -> list[str]:
    """Whitespace-separated terms, each to be found (AND); duplicates dropped."""
    seen: list[str] = []
    for term in raw.split():
        if term not in seen:
            seen.append(term)
    return seen
