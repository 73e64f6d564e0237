"""A synthetic news corpus for the speed benchmarks: RSS feeds plus heavy article pages.

``build_corpus(root)`` writes ``feeds/feed-NN.xml`` (RSS 2.0, summaries only, links
``__BASE_URL__/articles/NN-MMM.html``) and one page of 60-120 KB per entry, laid out like a
real news site: mega-menu navigation, inline CSS and scripts, JSON-LD/OpenGraph metadata,
related-story teasers, reader comments, a newsletter box and a long footer around a body of
news text. Bodies are composed from real sentences: the seed article's, and those of the
ground-truth texts of the public article-extraction benchmark when ``../shared`` holds it
(the seed alone otherwise). About a third of the articles match the default topic (they
mention North Korea, Russia or Ukraine, and soldiers); the others contain no term of the
topic's first ``all_of`` group, so they cannot match. Deterministic for a seed.

``serve_corpus(root)`` serves such a directory from a child process (so the benchmark's own
CPU time and memory are the client's alone) and yields its base URL.

    python -m benchmarks.corpus /tmp/corpus --feeds 20 --entries 50
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

from extractors.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_FILE = SHARED / "seed" / "000_be45d91411c44e6a.txt"
SEED_PAGE = REPO / "newsmon" / "demo_corpus" / "articles" / "dailynk-hyesan-duty-to-die.html"
GROUND_TRUTH = SHARED / "data" / "article-extraction-benchmark" / "ground-truth.json"
DEFAULT_CONFIG = REPO / "newsmon" / "default_config.toml"

BASE = "__BASE_URL__"
PAGE_BYTES = (60_000, 120_000)
ON_TOPIC_SHARE = 1 / 3
START = datetime(2025, 1, 6, 6, 0, tzinfo=UTC)

SECTIONS = ["World", "Asia", "Europe", "North Korea", "Politics", "Business", "Tech", "Science",
            "Health", "Sport", "Culture", "Opinion", "Video", "Podcasts", "Weather"]
SUBSECTIONS = ["Latest", "Analysis", "Explainers", "Interviews", "Photos", "Live", "Data", "Long reads"]
USERS = ["kimchi_jjigae", "Observer_88", "mkl", "seoul_reader", "anon_47", "J. Park", "frontline_fan",
         "h_lee", "guest", "night_owl", "policy_wonk", "R. Choi", "eastwind", "readers_digest_fan"]


def _seed_sentences() -> list[str]:
    if SEED_FILE.is_file():
        text = SEED_FILE.read_text(encoding="utf-8")
    else:  # a clean clone without ../shared: the demo corpus carries the seed article
        html = SEED_PAGE.read_text(encoding="utf-8")
        body = html.split('<div class="story-body">', 1)[1].split("</div>", 1)[0]
        text = re.sub(r"<[^>]+>", "\n", body)
        text = re.sub(r"&#x27;|&#39;", "'", text).replace("&quot;", '"').replace("&amp;", "&")
    return [s for s in split_sentences(text) if 30 <= len(s) <= 400]


def _ground_truth_sentences() -> list[str]:
    if not GROUND_TRUTH.is_file():
        return []
    data = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    out = []
    for key in sorted(data):
        for sentence in split_sentences(data[key]["articleBody"]):
            if 40 <= len(sentence) <= 300 and sentence.isascii() and sentence[0].isupper():
                out.append(sentence)
    return out


def _topic_terms() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Whole-word patterns for the default topic: its all_of groups and its any_of terms."""
    topic = tomllib.loads(DEFAULT_CONFIG.read_text(encoding="utf-8"))["topics"][0]["query"]

    def pattern(terms: list[str]) -> re.Pattern[str]:
        parts = [re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t) for t in terms]
        return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)

    groups = topic["all_of"]
    return pattern(groups[0]), pattern(groups[1]), pattern(topic["any_of"])


class _Texts:
    """Sentence pools: on-topic seed sentences and neutral filler that cannot match the topic."""

    def __init__(self) -> None:
        first_group, second_group, any_terms = _topic_terms()
        seed = _seed_sentences()
        self.nk = [s for s in seed if first_group.search(s)]
        self.place = [s for s in seed if second_group.search(s)]
        self.soldiers = [s for s in seed if any_terms.search(s)]
        self.seed = seed
        gt = _ground_truth_sentences()
        self.neutral = [s for s in gt if not first_group.search(s)] or [
            s for s in seed if not first_group.search(s)
        ]
        self.source = "seed + article-extraction-benchmark ground truth" if gt else "seed only"
        if not (self.nk and self.place and self.soldiers and self.neutral):
            raise RuntimeError("the seed article does not give the sentences the corpus needs")


def _body(rng: random.Random, texts: _Texts, on_topic: bool) -> list[str]:
    """Paragraphs of 2-4 sentences, 600-1,300 words in all."""
    target_words = rng.randint(600, 1300)
    sentences: list[str] = []
    if on_topic:
        sentences += [rng.choice(texts.nk), rng.choice(texts.place), rng.choice(texts.soldiers)]
        sentences += rng.sample(texts.seed, k=min(len(texts.seed), rng.randint(2, 6)))
    words = sum(len(s.split()) for s in sentences)
    while words < target_words:
        sentence = rng.choice(texts.neutral)
        sentences.append(sentence)
        words += len(sentence.split())
    head, rest = sentences[:1], sentences[1:]
    rng.shuffle(rest)
    sentences = head + rest
    paragraphs, i = [], 0
    while i < len(sentences):
        n = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[i : i + n]))
        i += n
    return paragraphs


def _headline(rng: random.Random, sentence: str) -> str:
    words = re.sub(r"[\"“”]", "", sentence).split()
    cut = " ".join(words[: rng.randint(7, 12)]).rstrip(",;:.")
    return cut[:1].upper() + cut[1:]


def _script_blob(rng: random.Random, size: int) -> str:
    """Minified-looking inline JavaScript (analytics, ad slots), as real pages carry."""
    parts, total = [], 0
    while total < size:
        name = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
        chunk = (
            f"function {name}(e,t){{var n=window.__cfg||{{}};if(!e)return null;"
            f"var r=document.querySelectorAll('[data-slot=\"{name}\"]');for(var i=0;i<r.length;i++)"
            f"{{r[i].setAttribute('data-ready','{rng.randint(0, 10**6)}');}}"
            f"return n['{name}']=t||{rng.random():.6f},n;}}"
        )
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)


def _nav(rng: random.Random) -> str:
    items = []
    for section in SECTIONS:
        slug = section.lower().replace(" ", "-")
        subs = "".join(
            f'<li class="nav-sub__item"><a class="nav-sub__link" href="/{slug}/{sub.lower().replace(" ", "-")}">'
            f"{sub}</a></li>"
            for sub in SUBSECTIONS
        )
        items.append(
            f'<li class="nav__item nav__item--{slug}"><a class="nav__link" href="/{slug}">{section}</a>'
            f'<ul class="nav-sub" aria-label="{section}">{subs}</ul></li>'
        )
    return f'<nav class="nav" aria-label="Main"><ul class="nav__list">{"".join(items)}</ul></nav>'


def _teasers(rng: random.Random, texts: _Texts, n: int, nn: int) -> str:
    out = []
    for _ in range(n):
        headline = _headline(rng, rng.choice(texts.neutral))
        number = rng.choice([f"{rng.randint(2, 99)} ", f"{rng.randint(1, 9)},{rng.randint(100, 999)} ", ""])
        out.append(
            f'<li class="teaser"><a class="teaser__link" href="/{rng.choice(SECTIONS).lower().replace(" ", "-")}/'
            f'{rng.randint(10000, 99999)}.html"><img class="teaser__img" src="/img/{rng.randint(1, 9999)}.jpg" '
            f'alt="" width="320" height="180" loading="lazy"><span class="teaser__kicker">{rng.choice(SECTIONS)}'
            f'</span><span class="teaser__title">{escape(number + headline)}</span></a>'
            f'<span class="teaser__meta">{rng.randint(2, 59)} min read · {rng.randint(1, 900)} comments</span></li>'
        )
    return f'<section class="related" data-feed="{nn:02d}"><h2>Related stories</h2><ul>{"".join(out)}</ul></section>'


def _comment(rng: random.Random, texts: _Texts, on_topic: bool) -> str:
    pool = texts.seed if on_topic and rng.random() < 0.3 else texts.neutral
    text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 2)))
    user = rng.choice(USERS)
    return (
        f'<div class="comment" id="c{rng.randint(10**5, 10**6)}"><div class="comment__head">'
        f'<img class="avatar" src="/avatars/{rng.randint(1, 500)}.png" alt="" width="32" height="32">'
        f'<span class="comment__user">{escape(user)}</span> <time class="comment__time">'
        f"{rng.randint(1, 23)} hours ago</time></div><p class=\"comment__text\">{escape(text)}</p>"
        f'<div class="comment__actions"><a href="#">Reply</a> <a href="#">Like ({rng.randint(0, 300)})</a> '
        f'<a href="#">Report</a></div></div>'
    )


def _footer(rng: random.Random) -> str:
    columns = []
    for section in SECTIONS:
        links = "".join(
            f'<li><a href="/{section.lower().replace(" ", "-")}/{sub.lower().replace(" ", "-")}">{sub}</a></li>'
            for sub in SUBSECTIONS
        )
        columns.append(f'<div class="footer__col"><h4>{section}</h4><ul>{links}</ul></div>')
    return (
        f'<footer class="footer"><div class="footer__cols">{"".join(columns)}</div>'
        '<p class="footer__legal">© 2025 The Benchmark Herald. All rights reserved. '
        '<a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/cookies">Cookies</a> · '
        '<a href="/contact">Contact</a> · <a href="/feeds">RSS feeds</a></p></footer>'
    )


def _page(rng: random.Random, texts: _Texts, *, nn: int, mmm: int, title: str, summary: str,
          paragraphs: list[str], published: datetime, author: str, on_topic: bool) -> str:
    target = rng.randint(*PAGE_BYTES)
    url = f"{BASE}/articles/{nn:02d}-{mmm:03d}.html"
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "description": summary, "datePublished": published.isoformat(), "dateModified": published.isoformat(),
        "author": {"@type": "Person", "name": author}, "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": "The Benchmark Herald"},
    })
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    head = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} | The Benchmark Herald</title>"
        f'<meta name="description" content="{escape(summary)}"><link rel="canonical" href="{url}">'
        f'<meta property="og:type" content="article"><meta property="og:title" content="{escape(title)}">'
        f'<meta property="og:description" content="{escape(summary)}"><meta property="og:url" content="{url}">'
        f'<meta property="article:published_time" content="{published.isoformat()}">'
        f'<meta name="author" content="{escape(author)}">'
        f'<script type="application/ld+json">{ld}</script>'
        "<style>body{margin:0;font-family:Georgia,serif}.nav__list{display:flex}.nav-sub{display:none}"
        ".teaser{display:inline-block;width:30%}.comment{border-top:1px solid #ddd}</style></head><body>"
    )
    top = (
        '<div class="cookie-banner" role="dialog">We and our 842 partners use cookies. '
        "<button>Accept all</button><button>Manage</button></div>"
        f'<header class="masthead"><a class="logo" href="/">The Benchmark Herald</a>{_nav(rng)}'
        '<form class="search"><input name="q" placeholder="Search"></form></header>'
        f'<div class="ad ad--leaderboard" data-slot="top">Advertisement</div><main class="layout">'
        f'<article class="story"><h1 class="story__title">{escape(title)}</h1>'
        f'<p class="story__byline">By <span class="author">{escape(author)}</span> · '
        f'<time datetime="{published.isoformat()}">{published:%d %B %Y, %H:%M}</time></p>'
        f'<figure class="story__image"><img src="/img/{nn}{mmm}.jpg" alt="" width="1200" height="675">'
        f"<figcaption>Photo: agency pool</figcaption></figure>"
        f'<div class="story__body">{body}</div></article>'
        '<div class="share"><a href="#">Share</a> <a href="#">Post</a> <a href="#">Email</a></div>'
    )
    newsletter = (
        '<aside class="sidebar"><div class="newsletter"><h3>The morning briefing</h3>'
        "<p>The 5 stories you need, every weekday at 7 a.m. Join 120,000 readers.</p>"
        '<form><input type="email"><button>Sign up</button></form></div>'
        '<div class="ad ad--mpu" data-slot="side">Advertisement</div></aside></main>'
    )
    teasers = _teasers(rng, texts, rng.randint(8, 16), nn)
    footer = _footer(rng)
    fixed = len(head) + len(top) + len(teasers) + len(newsletter) + len(footer) + 200
    # a third of what is left is script, the rest comments (DOM that extraction has to reject)
    remaining = max(0, target - fixed)
    script = f"<script>{_script_blob(rng, remaining // 3)}</script>"
    comments, size = [], 0
    budget = remaining - len(script)
    while size < budget:
        comment = _comment(rng, texts, on_topic)
        comments.append(comment)
        size += len(comment)
    comments_html = f'<section class="comments"><h2>Comments ({len(comments)})</h2>{"".join(comments)}</section>'
    return head + top + teasers + comments_html + newsletter + footer + script + "</body></html>\n"


def _feed(nn: int, items: list[dict]) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>The Benchmark Herald: feed {nn:02d}</title>",
        f"<link>{BASE}/</link>",
        f"<description>Synthetic benchmark feed {nn:02d}</description>",
        "<language>en</language>",
        f"<lastBuildDate>{format_datetime(items[0]['published'])}</lastBuildDate>",
    ]
    for item in items:
        out += [
            "<item>",
            f"<title>{escape(item['title'])}</title>",
            f"<link>{item['link']}</link>",
            f'<guid isPermaLink="false">bench-{item["id"]}</guid>',
            f"<pubDate>{format_datetime(item['published'])}</pubDate>",
            f"<dc:creator>{escape(item['author'])}</dc:creator>",
            f"<description>{escape(item['summary'])}</description>",
            "</item>",
        ]
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def build_corpus(root: Path, *, feeds: int = 20, entries: int = 50, seed: int = 1) -> dict:
    """Write ``feeds`` RSS feeds of ``entries`` items each, and their pages, under ``root``.

    Returns counts: feeds, articles, on_topic, page_bytes, feed_bytes, text_source.
    """
    root = Path(root)
    (root / "feeds").mkdir(parents=True, exist_ok=True)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = _Texts()
    on_topic = page_bytes = feed_bytes = 0
    for nn in range(1, feeds + 1):
        items = []
        for mmm in range(1, entries + 1):
            topical = rng.random() < ON_TOPIC_SHARE
            paragraphs = _body(rng, texts, topical)
            first = paragraphs[0]
            title = _headline(rng, first)
            summary = split_sentences(first)[0][:300]
            published = START + timedelta(hours=(nn - 1) * 7 + (entries - mmm) * 3, minutes=rng.randint(0, 59))
            author = rng.choice(["Kim Min-ji", "Olena Kovalenko", "Staff reporter", "James Lee", "Anna Petrenko"])
            html = _page(rng, texts, nn=nn, mmm=mmm, title=title, summary=summary, paragraphs=paragraphs,
                         published=published, author=author, on_topic=topical)
            data = html.encode("utf-8")
            (root / "articles" / f"{nn:02d}-{mmm:03d}.html").write_bytes(data)
            page_bytes += len(data)
            on_topic += topical
            items.append(dict(id=f"{nn:02d}-{mmm:03d}", title=title, summary=summary, published=published,
                              author=author, link=f"{BASE}/articles/{nn:02d}-{mmm:03d}.html"))
        items.sort(key=lambda item: item["published"], reverse=True)
        feed = _feed(nn, items).encode("utf-8")
        (root / "feeds" / f"feed-{nn:02d}.xml").write_bytes(feed)
        feed_bytes += len(feed)
    return {
        "feeds": feeds,
        "articles": feeds * entries,
        "on_topic": on_topic,
        "page_bytes": page_bytes,
        "feed_bytes": feed_bytes,
        "text_source": texts.source,
    }


def _serve(root: str, conn) -> None:  # noqa: ANN001
    from newsmon.corpus_server import serve_directory

    with serve_directory(Path(root)) as server:
        conn.send(server.base_url)
        conn.recv()  # block until the parent says stop


@contextmanager
def serve_corpus(root: Path, *, subprocess: bool = True) -> Iterator[str]:
    """Serve ``root`` with ``serve_directory``; from a child process unless ``subprocess`` is False."""
    if not subprocess:
        from newsmon.corpus_server import serve_directory

        with serve_directory(Path(root)) as server:
            yield server.base_url
        return
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_serve, args=(str(root), child), daemon=True)
    process.start()
    try:
        if not parent.poll(30):
            raise RuntimeError("the corpus server process did not start")
        yield parent.recv()
    finally:
        try:
            parent.send("stop")
        except OSError:
            pass
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
            process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(build_corpus(args.root, feeds=args.feeds, entries=args.entries, seed=args.seed)))


if __name__ == "__main__":
    main()
