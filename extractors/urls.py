"""URL helpers, pure: the normalised form used as an identity key, and redaction for logs and errors.

``normalize_url`` answers "is this the same article?": scheme (http/https unified), host case,
default ports, fragments, tracking parameters and trailing slashes do not make two URLs different.
``redact_url`` answers "can this URL be written to a log, an error column or an email?": userinfo
and secret-looking query values are replaced by ``REDACTED``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

SAFE_SCHEMES = ("http", "https")

# Query parameters that only track the click, never select the content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
        "wt.mc_id", "cmpid", "ocid", "ncid", "sr_share", "spm", "share", "ref_src", "ref_url",
        "rss", "at_medium", "at_campaign", "guccounter", "__twitter_impression", "s_cid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "ga_", "hsa_", "at_")

# Query parameter names whose values are secrets (compared case-insensitively, by substring).
SECRET_PARAM_PARTS = (
    "token", "key", "secret", "password", "passwd", "pwd", "auth", "session", "sid", "signature",
    "sig", "credential", "access", "code", "ticket", "jwt", "bearer", "hash",
)
REDACTED = "REDACTED"

_DEFAULT_PORTS = {"http": 80, "https": 443}
_MULTI_SLASH = re.compile(r"/{2,}")


def is_safe_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host (the only URLs newsmon ever fetches or links)."""
    if not url or not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.hostname)


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """Normalised identity form of a URL.

    Lower-cases scheme and host, maps https to http (the same story over either scheme is one
    story), drops userinfo, default ports, the fragment, tracking parameters and trailing slashes,
    sorts the remaining query parameters. Non-http(s) input is returned stripped, unchanged.
    """
    raw = (url or "").strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return raw
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES or not parts.hostname:
        return raw
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = _MULTI_SLASH.sub("/", parts.path or "/")
    path = quote(path, safe="/%:@!$&'()*+,;=-._~")
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    if path == "/":
        path = ""
    query_items = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    ]
    query = urlencode(sorted(query_items), doseq=True)
    return urlunsplit(("http", host, path, query, ""))


def _is_secret_param(name: str) -> bool:
    low = name.lower()
    return any(part in low for part in SECRET_PARAM_PARTS)


def redact_url(url: str) -> str:
    """The URL with userinfo removed and secret-looking query values replaced by ``REDACTED``."""
    raw = str(url or "")
    try:
        parts = urlsplit(raw)
    except ValueError:
        return re.sub(r"//[^/@]*@", "//", raw.split("?", 1)[0])
    netloc = parts.netloc
    if "@" in netloc:
        netloc = netloc.rsplit("@", 1)[1]
    query = parts.query
    if query:
        items = parse_qsl(query, keep_blank_values=True)
        if items:
            query = urlencode([(k, REDACTED if _is_secret_param(k) and v else v) for k, v in items])
        else:
            query = REDACTED
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")


def redact_text(text: str) -> str:
    """Redact every URL found in a free-text message (exception texts quote full URLs)."""
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), str(text))
