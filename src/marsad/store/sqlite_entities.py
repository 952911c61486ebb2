"""SQLite tables and queries for entities (see store/entities.py); mixed into SQLiteStore.

`entities` holds one row per entity (names, English name, roles, and `names_key`, the folded
names a query matches); `entity_mentions` counts, per article, how often each entity was named
in each spelling, which every listing, timeline and co-occurrence query reads; `entity_rules`
keeps analyst curation in the order it was made. A curation rewrites the stored articles'
`mentions` and `quotes` at once and is replayed on every later run by the corpus registry.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from marsad.arabic.names import name_key, romanize, slug
from marsad.errors import UsageError
from marsad.model import Article, Entity, EntityType, Role
from marsad.records import entity_record
from marsad.store.entities import EntityDetail, EntityRule, EntitySummary, StoredEntity
from marsad.store.sql import A_WHEN

SCHEMA = """
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    variants TEXT NOT NULL DEFAULT '[]',
    english TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    names_key TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS entity_mentions (
    article INTEGER NOT NULL,
    entity TEXT NOT NULL,
    variant TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article, entity, variant)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_mentions_entity ON entity_mentions (entity, article);
CREATE TABLE IF NOT EXISTS article_entities (
    article INTEGER NOT NULL,
    entity TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article, entity)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_rules (
    rowid INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

_SUMMARY = "e.id, e.name, e.type, e.english, sum(m.mentions), count(DISTINCT m.article)"


class SQLiteEntities:
    db: sqlite3.Connection
    # Provided by the quotes mixin (store/sqlite_quotes.py): its table follows a merge.
    _remap_quote_entities: Callable[[str, str], None]
    _resave_quote_entities: Callable[[int, list[dict[str, Any]]], None]

    # -- writing (called by SQLiteStore.save_article) ------------------------------------------

    def _save_entities(self, article: Article, rowid: int) -> None:
        """Called by SQLiteStore.save_article for every stored article."""
        self.db.execute("DELETE FROM entity_mentions WHERE article = ?", (rowid,))
        counts = Counter((m.entity, m.text) for m in article.mentions if m.entity)
        self.db.executemany(
            "INSERT INTO entity_mentions VALUES (?, ?, ?, ?)",
            [(rowid, entity, variant, n) for (entity, variant), n in counts.items()],
        )
        # Each article keeps its entities as it was analyzed with them, so export and
        # `analyze --out` write the same record.
        self.db.execute("DELETE FROM article_entities WHERE article = ?", (rowid,))
        self.db.executemany(
            "INSERT INTO article_entities VALUES (?, ?, ?)",
            [(rowid, e.id, _json(entity_record(e))) for e in article.entities.values()],
        )
        for entity in article.entities.values():
            self._upsert_entity(entity)

    def _upsert_entity(self, entity: Entity) -> None:
        row = self.db.execute("SELECT variants, roles FROM entities WHERE id = ?", (entity.id,)).fetchone()
        variants = list(dict.fromkeys([*(json.loads(row[0]) if row else []), *entity.variants]))
        roles = _merge_roles([*(_roles(row[1]) if row else []), *entity.roles])
        self.db.execute(
            "INSERT INTO entities (id, name, type, variants, english, roles, names_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET variants = excluded.variants, "
            "roles = excluded.roles, names_key = excluded.names_key, "
            "english = coalesce(entities.english, excluded.english)",
            (
                entity.id,
                entity.name,
                entity.type,
                _json(variants),
                entity.english,
                _json([asdict(r) for r in roles]),
                _names_key(entity.name, variants, entity.english),
            ),
        )

    def _entity_records(self, ids: set[str], *, article_id: str | None = None) -> dict[str, Any]:
        """The output records of entities `ids`: as stored with the article, else the database's."""
        if not ids:
            return {}
        found: dict[str, Any] = {}
        if article_id is not None:
            rows = self.db.execute(
                "SELECT ae.entity, ae.record FROM article_entities ae "
                "JOIN articles a ON a.rowid = ae.article WHERE a.id = ?",
                (article_id,),
            )
            found = {eid: json.loads(record) for eid, record in rows if eid in ids}
        missing = tuple(ids - set(found))
        if missing:
            marks = ", ".join("?" * len(missing))
            rows = self.db.execute(
                f"SELECT id, name, type, variants, english, roles FROM entities WHERE id IN ({marks})",
                missing,
            )
            for eid, n, t, v, en, r in rows:
                found[eid] = {
                    "name": n,
                    "type": t,
                    "variants": json.loads(v),
                    "english": en,
                    "roles": json.loads(r),
                }
        return found

    # -- reading ---------------------------------------------------------------------------

    def list_entities(
        self,
        *,
        query: str | None = None,
        type: EntityType | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[EntitySummary]:
        where, params = _period(since, until)
        if query and query.strip():
            where.append("(e.names_key LIKE ? OR e.id = ?)")
            params += [f"%{name_key(query) or query.lower()}%", query.strip()]
        if type:
            where.append("e.type = ?")
            params.append(type)
        sql = (
            f"SELECT {_SUMMARY} FROM entity_mentions m JOIN entities e ON e.id = m.entity "
            f"JOIN articles a ON a.rowid = m.article {_where(where)} "
            "GROUP BY e.id ORDER BY sum(m.mentions) DESC, e.id LIMIT ? OFFSET ?"
        )
        return [EntitySummary(*row) for row in self.db.execute(sql, [*params, limit, offset])]

    def get_entity(self, entity_id: str) -> EntityDetail | None:
        row = self.db.execute(
            "SELECT id, name, type, english, roles FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            return None
        variants = self.db.execute(
            "SELECT variant, sum(mentions) FROM entity_mentions WHERE entity = ? "
            "GROUP BY variant ORDER BY sum(mentions) DESC, variant",
            (entity_id,),
        ).fetchall()
        mentions, articles, first, last = self.db.execute(
            f"SELECT coalesce(sum(m.mentions), 0), count(DISTINCT m.article), min({A_WHEN}), "
            f"max({A_WHEN}) FROM entity_mentions m JOIN articles a ON a.rowid = m.article "
            "WHERE m.entity = ?",
            (entity_id,),
        ).fetchone()
        return EntityDetail(
            id=row[0],
            name=row[1],
            type=row[2],
            english=row[3],
            variants=tuple((v, int(n)) for v, n in variants),
            roles=tuple(_roles(row[4])),
            mentions=int(mentions),
            articles=int(articles),
            first_at=_moment(first),
            last_at=_moment(last),
        )

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        rows = self.db.execute(
            f"SELECT substr({A_WHEN}, 1, 10) AS day, sum(m.mentions) FROM entity_mentions m "
            f"JOIN articles a ON a.rowid = m.article WHERE m.entity = ? AND {A_WHEN} IS NOT NULL "
            "GROUP BY day ORDER BY day",
            (entity_id,),
        )
        return [(day, int(n)) for day, n in rows]

    def cooccurring_entities(self, entity_id: str, *, limit: int = 10) -> list[tuple[EntitySummary, int]]:
        rows = self.db.execute(
            "SELECT other.entity, count(DISTINCT other.article) AS shared FROM entity_mentions me "
            "JOIN entity_mentions other ON other.article = me.article AND other.entity != me.entity "
            "WHERE me.entity = ? GROUP BY other.entity ORDER BY shared DESC, other.entity LIMIT ?",
            (entity_id, limit),
        ).fetchall()
        summaries = self._summaries([other for other, _ in rows])
        return [(summaries[other], int(shared)) for other, shared in rows if other in summaries]

    def _summaries(self, ids: list[str]) -> dict[str, EntitySummary]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {_SUMMARY} FROM entity_mentions m JOIN entities e ON e.id = m.entity "
            f"WHERE e.id IN ({marks}) GROUP BY e.id",
            ids,
        )
        return {row[0]: EntitySummary(*row) for row in rows}

    def entity_article_ids(self, entity_id: str, *, limit: int = 20, offset: int = 0) -> list[str]:
        rows = self.db.execute(
            "SELECT a.id FROM entity_mentions m JOIN articles a ON a.rowid = m.article WHERE m.entity = ? "
            f"GROUP BY a.rowid ORDER BY {A_WHEN} DESC, a.id LIMIT ? OFFSET ?",
            (entity_id, limit, offset),
        )
        return [article_id for (article_id,) in rows]

    def entity_rules(self) -> list[EntityRule]:
        rows = self.db.execute("SELECT action, entity, value FROM entity_rules ORDER BY rowid")
        return [EntityRule(*row) for row in rows]

    def load_entities(self) -> list[StoredEntity]:
        rows = self.db.execute("SELECT id, name, type, english, variants, roles FROM entities")
        return [
            StoredEntity(eid, name, kind, english, tuple(json.loads(variants)), tuple(_roles(roles)))
            for eid, name, kind, english, variants, roles in rows
        ]

    # -- curation ----------------------------------------------------------------------------

    def merge_entities(self, keep: str, other: str) -> None:
        if keep == other:
            raise UsageError(f"cannot merge entity {keep!r} into itself")
        kept, merged = self._require_entity(keep), self._require_entity(other)
        self._add_rule("merge", other, keep)
        self._relink(other, keep, lambda _text: True)
        self._upsert_entity(
            Entity(
                id=kept.id,
                name=kept.name,
                type=kept.type,
                variants=(*kept.variants, merged.name, *merged.variants),
                english=kept.english,
                roles=(*kept.roles, *merged.roles),
            )
        )
        self.db.execute("DELETE FROM entities WHERE id = ?", (other,))
        self._remap_quote_entities(other, keep)
        self.db.commit()

    def split_entity(self, entity_id: str, variants: list[str]) -> str:
        entity = self._require_entity(entity_id)
        keys = {name_key(v) for v in variants if name_key(v)}
        if not keys:
            raise UsageError(f"split of {entity_id!r}: give at least one variant to move")
        new_id = self._free_id(f"{entity.type.lower()}:{slug(variants[0])}")
        self._add_rule("split", entity_id, _json({"variants": sorted(keys), "into": new_id}))
        self._upsert_entity(
            Entity(new_id, variants[0], entity.type, tuple(variants), english=romanize(variants[0]))
        )
        self._relink(entity_id, new_id, lambda text: name_key(text) in keys)
        remaining = tuple(v for v in entity.variants if name_key(v) not in keys)
        self.db.execute("UPDATE entities SET variants = ? WHERE id = ?", (_json(list(remaining)), entity_id))
        self.db.commit()
        return new_id

    def add_alias(self, entity_id: str, alias: str) -> None:
        entity = self._require_entity(entity_id)
        key = name_key(alias)
        if not key:
            raise UsageError(f"alias {alias!r} of {entity_id!r} holds no letters")
        self._add_rule("alias", entity_id, alias)
        spelled = self.db.execute("SELECT DISTINCT entity, variant FROM entity_mentions").fetchall()
        for other in {e for e, v in spelled if e != entity_id and name_key(v) == key}:
            self._relink(other, entity_id, lambda text: name_key(text) == key)
        self._upsert_entity(
            Entity(
                entity.id, entity.name, entity.type, (*entity.variants, alias), entity.english, entity.roles
            )
        )
        self.db.commit()

    def _relink_article_entities(
        self, rowid: int, old: str, new: str, mentions: list[dict[str, Any]]
    ) -> None:
        """After a curation, the article's entity records follow its mentions."""
        linked = {m["entity"] for m in mentions if m.get("entity")}
        for gone in {old, new} - linked:
            self.db.execute("DELETE FROM article_entities WHERE article = ? AND entity = ?", (rowid, gone))
        if new in linked:
            entity = self._require_entity(new)
            variants = list(dict.fromkeys(m["text"] for m in mentions if m.get("entity") == new))
            record = {
                "name": entity.name,
                "type": entity.type,
                "variants": variants,
                "english": entity.english,
                "roles": [asdict(r) for r in entity.roles],
            }
            self.db.execute(
                "INSERT INTO article_entities VALUES (?, ?, ?) ON CONFLICT (article, entity) "
                "DO UPDATE SET record = excluded.record",
                (rowid, new, _json(record)),
            )

    def _require_entity(self, entity_id: str) -> StoredEntity:
        row = self.db.execute(
            "SELECT id, name, type, english, variants, roles FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise UsageError(f"no entity {entity_id!r} in this database (see `marsad entities list`)")
        eid, name, kind, english, variants, roles = row
        return StoredEntity(eid, name, kind, english, tuple(json.loads(variants)), tuple(_roles(roles)))

    def _add_rule(self, action: str, entity: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO entity_rules (action, entity, value, created_at) VALUES (?, ?, ?, ?)",
            (action, entity, value, datetime.now().isoformat(timespec="seconds")),
        )

    def _free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self.db.execute("SELECT 1 FROM entities WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def _relink(self, old: str, new: str, moves: Any) -> None:
        """Point the mentions of `old` whose text `moves(text)` accepts to `new`, in the
        articles' JSON (mentions, quotes) and in entity_mentions."""
        rows = self.db.execute(
            "SELECT a.rowid, a.mentions, a.quotes FROM articles a WHERE a.rowid IN "
            "(SELECT article FROM entity_mentions WHERE entity = ?)",
            (old,),
        ).fetchall()
        for rowid, mentions_json, quotes_json in rows:
            mentions = json.loads(mentions_json)
            moved = False
            for mention in mentions:
                if mention.get("entity") == old and moves(mention["text"]):
                    mention["entity"] = new
                    moved = True
            all_moved = moved and not any(m.get("entity") == old for m in mentions)
            quotes = [_follow(q, old, new, moves, all_moved) for q in json.loads(quotes_json)]
            self.db.execute(
                "UPDATE articles SET mentions = ?, quotes = ? WHERE rowid = ?",
                (_json(mentions), _json(quotes), rowid),
            )
            self._resave_quote_entities(rowid, quotes)
            self._relink_article_entities(rowid, old, new, mentions)
            self.db.execute("DELETE FROM entity_mentions WHERE article = ?", (rowid,))
            counts = Counter((m["entity"], m["text"]) for m in mentions if m.get("entity"))
            self.db.executemany(
                "INSERT INTO entity_mentions VALUES (?, ?, ?, ?)",
                [(rowid, e, v, n) for (e, v), n in counts.items()],
            )


def _follow(quote: dict[str, Any], old: str, new: str, moves: Any, all_moved: bool) -> dict[str, Any]:
    """A quote's entities after mentions of `old` moved to `new`: its speaker moves when the name
    it was attributed by moved (a split) or when every mention of `old` in the article did."""
    quote = dict(quote)
    text = quote.get("speaker_text")
    if quote.get("speaker") == old and (all_moved or (text and moves(text))):
        quote["speaker"] = new
    if all_moved:
        if quote.get("via") == old:
            quote["via"] = new
        if quote.get("about"):
            quote["about"] = [new if a == old else a for a in quote["about"]]
    return quote


def _merge_roles(roles: list[Role]) -> list[Role]:
    """One role per title and period: a title learned from an article (since == until, the
    article's date) widens the nearest role of that title within a year, else starts a new one."""
    merged: list[Role] = []
    for role in roles:
        day = role.since if role.since == role.until else None
        if role in merged:
            continue
        if day is None:
            merged.append(role)
            continue
        near = [(i, r) for i, r in enumerate(merged) if r.title == role.title and _gap_days(r, day) <= 365]
        if not near:
            merged.append(role)
            continue
        i, seen = min(near, key=lambda item: _gap_days(item[1], day))
        if _gap_days(seen, day) > 0:
            merged[i] = Role(seen.title, min(seen.since or day, day), max(seen.until or day, day))
    return merged


def _gap_days(role: Role, day: str) -> int:
    """Days from the role's period to `day` (0 inside it; open ends count as covering)."""
    moment = date.fromisoformat(day)
    if role.since and day < role.since:
        return (date.fromisoformat(role.since) - moment).days
    if role.until and day > role.until:
        return (moment - date.fromisoformat(role.until)).days
    return 0


def _roles(value: str) -> list[Role]:
    return [Role(**r) for r in json.loads(value)]


def _names_key(name: str, variants: list[str], english: str | None) -> str:
    return " | ".join(dict.fromkeys([name_key(name), *map(name_key, variants), (english or "").lower()]))


def _period(since: datetime | None, until: datetime | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{A_WHEN} >= ?")
        params.append(since.date().isoformat())
    if until:
        where.append(f"{A_WHEN} < ?")
        params.append(until.date().isoformat() + "~")
    return where, params


def _where(conditions: list[str]) -> str:
    return "WHERE " + " AND ".join(conditions) if conditions else ""


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
