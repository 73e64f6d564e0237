"""Tests that the bundled demo corpus (newsmon/demo_corpus) is well-formed and served whole."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path

import feedparser
import httpx
import pytest
from bs4 import BeautifulSoup

from newsmon.corpus_server import DEMO_CORPUS_DIR, serve_directory

ROOT = DEMO_CORPUS_DIR
TOKEN = "__BASE_URL__"
FEEDS = sorted((ROOT / "feeds").glob("*.xml"))
UPDATE_FEEDS = sorted((ROOT / "updates" / "feeds").glob("*.xml"))
PAGES = sorted(ROOT.glob("**/articles/*.html"))


def _parse(path: Path) -> feedparser.FeedParserDict:
    return feedparser.parse(io.BytesIO(path.read_bytes()))


def _local(link: str, *roots: Path) -> Path | None:
    assert link.startswith(TOKEN + "/"), link
    rel = link.removeprefix(TOKEN + "/")
    for root in roots:
        if (root / rel).is_file():
            return root / rel
    return None


def test_demo_corpus_has_three_feeds_and_enough_pages() -> None:
    assert len(FEEDS) == 3
    assert 10 <= len(list((ROOT / "articles").glob("*.html"))) <= 14
    assert len(UPDATE_FEEDS) == 1


def test_demo_corpus_is_small() -> None:
    size = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    assert size < 1_000_000


@pytest.mark.parametrize("feed", FEEDS + UPDATE_FEEDS, ids=lambda p: str(p.relative_to(ROOT)))
def test_demo_corpus_feed_parses_from_bytes(feed: Path) -> None:
    parsed = _parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version in {"rss20", "atom10"}
    assert len(parsed.entries) >= 3
    for entry in parsed.entries:
        assert entry.get("id") and entry.get("title") and entry.get("link")
        published = entry.get("published_parsed")
        assert published is not None and (2024, 10) <= tuple(published[:2]) <= (2025, 12)


def test_demo_corpus_feed_kinds() -> None:
    kinds = {p.name: _parse(p) for p in FEEDS}
    atom = [d for d in kinds.values() if d.version == "atom10"]
    rss = [d for d in kinds.values() if d.version == "rss20"]
    assert len(atom) == 1 and len(rss) == 2
    for entry in atom[0].entries:
        content = entry.get("content") or []
        assert content and content[0]["type"] == "text/html"
        assert len(BeautifulSoup(content[0]["value"], "lxml").get_text()) > 400
    for feed in rss:
        for entry in feed.entries:
            assert not entry.get("content")
            assert len(entry.get("summary", "")) < 400


@pytest.mark.parametrize("feed", FEEDS, ids=lambda p: p.name)
def test_demo_corpus_every_linked_page_exists(feed: Path) -> None:
    for entry in _parse(feed).entries:
        assert _local(entry.link, ROOT) is not None, entry.link


def test_demo_corpus_update_feed_adds_one_entry_with_its_page() -> None:
    (update,) = UPDATE_FEEDS
    original = _parse(ROOT / "feeds" / update.name)
    updated = _parse(update)
    old_ids = {e.id for e in original.entries}
    new = [e for e in updated.entries if e.id not in old_ids]
    assert old_ids <= {e.id for e in updated.entries}
    assert len(new) == 1
    assert _local(new[0].link, ROOT) is None  # not in the base corpus yet
    assert _local(new[0].link, ROOT / "updates") is not None


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_demo_corpus_page_has_article_and_metadata(page: Path) -> None:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert soup.find("article") is not None
    assert soup.select("nav") and soup.select(".related li") and soup.select(".comments .comment")
    teasers = " ".join(li.get_text() for li in soup.select(".related li"))
    assert re.search(r"\d", teasers)
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["headline"] and ld["author"]["name"]
    datetime.fromisoformat(ld["datePublished"])
    assert soup.find("meta", property="og:title")["content"] == ld["headline"]


def test_demo_corpus_sources_name_a_url_for_every_article() -> None:
    sources = (ROOT / "SOURCES.md").read_text(encoding="utf-8")
    rows = {line for line in sources.splitlines() if line.startswith("|")}
    for page in PAGES:
        rel = str(page.relative_to(ROOT))
        row = [r for r in rows if f"`{rel}`" in r]
        assert len(row) == 1, rel
        assert re.search(r"https?://\S+", row[0]), rel


def test_demo_corpus_seed_article_is_included() -> None:
    sources = (ROOT / "SOURCES.md").read_text(encoding="utf-8")
    assert "Daily NK" in sources and "000_be45d91411c44e6a" in sources
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "articles").glob("*.html"))
    assert "around 3,000 North Korean soldiers deployed to support Russia" in text
    assert "More people view the Russian deployment negatively than positively" in text


def test_demo_corpus_served_links_resolve() -> None:
    with serve_directory(ROOT) as server, httpx.Client(base_url=server.base_url) as client:
        links = []
        for feed in FEEDS:
            response = client.get(f"/feeds/{feed.name}")
            assert response.status_code == 200
            parsed = feedparser.parse(io.BytesIO(response.content))
            links += [e.link for e in parsed.entries]
        assert all(link.startswith(server.base_url + "/articles/") for link in links)
        statuses = {link: client.get(link).status_code for link in links}
    assert set(statuses.values()) == {200}
