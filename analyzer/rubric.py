"""Load a rubric: find it, follow ``extends``, merge, validate, compile.

A rubric is a YAML file (see ``rules/default.yaml``). ``--rubric`` takes a
bundled name (``default``) or a path. A rubric may ``extends:`` another (a
name, or a path relative to itself) and then add, override or ``drop``
criteria and findings, and replace or ``add``/``remove`` words of lexicons
and language lists. Every error names the file, line and key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, cachefiles, rxcache
from .conditions import Condition, ConditionError, compile_condition
from .extractors import Extractor, compile_extractor
from .language import Language
from .normalize import normalise
from .prices import ROLES, PriceCues
from .yamlsource import Origins, YamlError, load_yaml

LEVELS = ("error", "warning", "info")
TOP_KEYS = {
    "name", "title", "description", "extends", "pass_score", "partial_credit", "language",
    "lexicons", "prices", "facts", "criteria", "findings", "drop",
}  # fmt: skip
CRITERION_KEYS = {
    "id", "title", "description", "weight", "level", "met", "partial", "messages", "suggestions",
}  # fmt: skip
FINDING_KEYS = {"id", "title", "when", "message", "level"}
_ID = rxcache.compile(r"^[a-z][a-z0-9_]*$")


class RubricError(Exception):
    """A rubric that cannot be used; ``str()`` is the one-line message for the user."""


def package_dir(name: str) -> Path:
    """A bundled data folder: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    inside = here / name
    return inside if inside.is_dir() else here.parent / name


def bundled_rubrics() -> list[Path]:
    return sorted(package_dir("rules").glob("*.yaml"))


@dataclass
class Criterion:
    id: str
    title: str
    weight: float
    level: str
    met: Condition | None
    partial: Condition | None
    messages: dict[str, str]
    suggestions: dict[str, str]
    description: str = ""


@dataclass
class FindingRule:
    id: str
    title: str
    when: Condition
    message: str
    level: str = "info"


@dataclass
class Rubric:
    name: str
    title: str
    path: str
    pass_score: float
    partial_credit: float
    language: Language
    lexicons: dict[str, list[str]]
    price_cues: PriceCues
    facts: dict[str, Extractor]
    criteria: list[Criterion]
    findings: list[FindingRule]
    description: str = ""
    _segmenter: Any = field(default=None, repr=False)
    _norm_lexicons: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # Regexes and word tuples built from lexicons (person titles, ignore lists, headings), per rubric.
    _from_lexicons: dict = field(default_factory=dict, repr=False)
    _word_set: frozenset[str] | None = field(default=None, repr=False)
    extra_words: list[str] = field(default_factory=list)
    _lex_sets: dict | None = field(default=None, repr=False)
    _word_lexicons: dict | None = field(default=None, repr=False)
    _automaton: object = field(default=None, repr=False)

    def add_words(self, words: list[str]) -> None:
        """Extra jieba words (product and customer names); only before the first note is cut."""
        if self._segmenter is not None:
            raise RuntimeError("add words before analysing")
        self.extra_words = sorted({*self.extra_words, *(normalise(w) for w in words if w.strip())})
        self._word_set = None
        self._automaton = None

    def words(self) -> set[str]:
        """Every lexicon and cue word: all become jieba words so they stay single tokens."""
        out: set[str] = set()
        for terms in self.normalised_lexicons().values():
            out.update(terms)
        for terms in self.price_cues.words.values():
            out.update(terms)
        out.update(self.extra_words)
        return {w for w in out if len(w) > 1}

    def normalised_lexicons(self) -> dict[str, list[str]]:
        if not self._norm_lexicons:
            self._norm_lexicons = {
                k: sorted({normalise(w) for w in v}) for k, v in self.lexicons.items()
            }
        return self._norm_lexicons

    def lexicon_sets(self) -> dict[str, frozenset[str]]:
        if self._lex_sets is None:
            self._lex_sets = {k: frozenset(v) for k, v in self.normalised_lexicons().items()}
        return self._lex_sets

    def word_lexicons(self) -> dict[str, tuple[str, ...]]:
        """For each lexicon word, the lexicons it belongs to."""
        if self._word_lexicons is None:
            out: dict[str, list[str]] = {}
            for name, words in self.normalised_lexicons().items():
                for w in words:
                    out.setdefault(w, []).append(name)
            self._word_lexicons = {w: tuple(names) for w, names in out.items()}
        return self._word_lexicons

    @property
    def automaton(self):
        """An Aho-Corasick automaton of every rubric word: one pass over a note finds them all."""
        if self._automaton is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            # Every word a condition can ask for, one character long or inline in a condition too;
            # only the longer lexicon words are also jieba words.
            everything = set(self.word_set)
            for terms in self.normalised_lexicons().values():
                everything.update(terms)
            for terms in self.price_cues.words.values():
                everything.update(terms)
            everything.update(normalise(w) for w in self.inline_words())
            for w in everything:
                if w:
                    a.add_word(w, (w, len(w)))
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def inline_words(self) -> frozenset[str]:
        """Words written straight into conditions (terms: [定, 批]) rather than in a lexicon."""
        from .conditions import Terms, walk

        out: set[str] = set()
        conds = [c for cr in self.criteria for c in (cr.met, cr.partial) if c is not None]
        conds += [f.when for f in self.findings]
        for ex in self.facts.values():
            conds += ex.conditions()
        for cond in conds:
            for node in walk(cond):
                if isinstance(node, Terms):
                    out.update(node.words)
        return frozenset(out)

    @property
    def word_set(self) -> frozenset[str]:
        if self._word_set is None:
            self._word_set = frozenset(self.words())
        return self._word_set

    @property
    def segmenter(self):
        if self._segmenter is None:
            from .tokenizer import Segmenter

            self._segmenter = Segmenter(self.words())
        return self._segmenter

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)


# -- finding and reading ------------------------------------------------------------


def resolve(ref: str, relative_to: Path | None = None) -> Path:
    """A rubric path from a bundled name or a path."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        p = Path(ref)
        if not p.is_absolute() and relative_to is not None:
            p = relative_to / p
        return p
    bundled = package_dir("rules") / f"{ref}.yaml"
    if bundled.is_file():
        return bundled
    local = Path(ref)
    if local.is_file():
        return local
    names = ", ".join(p.stem for p in bundled_rubrics())
    raise RubricError(f"unknown rubric '{ref}' (bundled: {names}; or give a path to a .yaml file)")


def load_rubric(ref: str | Path = "default") -> Rubric:
    path = resolve(str(ref)) if not isinstance(ref, Path) else ref
    display = _display(path)
    cached = _read_cache(path)
    if cached is not None:
        return _compile(cached, Origins(), display)
    origins = Origins()
    loaded: list[Path] = []
    data = _load_chain(path, origins, [], loaded)
    saved = _cache_text(loaded, data)  # before compiling, which may not touch what was read
    rubric = _compile(data, origins, display)
    if saved is not None:
        _write_cache(path, saved)
    return rubric


# -- a cache of parsed rubrics ------------------------------------------------------------
# Parsing the YAML (with line numbers for error messages) is a third of a cold start. A rubric
# that compiled once is kept as plain JSON data, keyed by its files' paths, sizes and mtimes;
# JSON holds no code, so a tampered cache can at worst fail to compile, and then the YAML is
# read again.

_CACHE_VERSION = 1
# Parsed rubrics kept in the cache folder (a few kilobytes each).
KEEP_PARSED_RUBRICS = 32


def _cache_file(path: Path) -> Path | None:
    from .tokenizer import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    try:
        stamp = f"{_CACHE_VERSION}|{__version__}|{path.resolve()}"
        key = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    except OSError:
        return None
    return folder / f"rubric-{key}.json"


def _stamp_of(p: Path) -> list:
    st = p.stat()
    return [str(p.resolve()), st.st_size, st.st_mtime_ns]


def _read_cache(path: Path) -> dict | None:
    cache = _cache_file(path)
    if cache is None or not cache.is_file():
        return None
    try:
        saved = json.loads(cache.read_text(encoding="utf-8"))
        if saved.get("version") != _CACHE_VERSION or not saved.get("files"):
            return None
        if any(_stamp_of(Path(f[0])) != f for f in saved["files"]):
            return None
        data = saved["data"]
        if not isinstance(data, dict):
            return None
        cachefiles.touch(cache)
        return data
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None


def _cache_text(loaded: list[Path], data: dict) -> str | None:
    try:
        text = json.dumps(
            {"version": _CACHE_VERSION, "files": [_stamp_of(p) for p in loaded], "data": data},
            ensure_ascii=False,
        )
        if json.loads(text)["data"] != data:
            return None  # something JSON cannot hold as it is (a date, a non-string key)
        return text
    except (OSError, TypeError, ValueError):
        return None


def _write_cache(path: Path, text: str) -> None:
    cache = _cache_file(path)
    if cache is None:
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=f".{cache.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, cache)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return
    cachefiles.prune(cache.parent, "rubric", KEEP_PARSED_RUBRICS, cache.stem.split("-", 1)[1])


def _display(path: Path) -> str:
    try:
        rules = package_dir("rules").resolve()
        rp = path.resolve()
        if rp.parent == rules:
            return f"rules/{rp.name}"
    except OSError:
        pass
    return str(path)


def _err(origins: Origins, obj: Any, key: str, message: str, fallback: str) -> RubricError:
    where = origins.get(obj)
    line = origins.key_line(obj, key) if key and isinstance(obj, dict) else None
    if where is None:
        return RubricError(f"{fallback}: {key + ': ' if key else ''}{message}")
    file, obj_line = where
    return RubricError(f"{file}:{line or obj_line}: {key + ': ' if key else ''}{message}")


def _load_chain(
    path: Path, origins: Origins, stack: list[Path], loaded: list[Path] | None = None
) -> dict:
    display = _display(path)
    try:
        real = path.resolve()
    except OSError:
        real = path
    if real in stack:
        chain = " -> ".join(_display(p) for p in [*stack, real])
        raise RubricError(f"{display}: extends: cycle ({chain})")
    try:
        data = load_yaml(path, origins, display)
    except YamlError as e:
        raise RubricError(str(e)) from None
    if loaded is not None:
        loaded.append(path)
    if data is None:
        raise RubricError(f"{display}: the rubric is empty")
    if not isinstance(data, dict):
        raise RubricError(f"{display}:1: a rubric must be a mapping of keys (name, criteria, ...)")
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise _err(
            origins,
            data,
            unknown[0],
            f"unknown key (known: {', '.join(sorted(TOP_KEYS))})",
            display,
        )
    parent_ref = data.get("extends")
    if parent_ref is None:
        return data
    if not isinstance(parent_ref, str):
        raise _err(origins, data, "extends", "must be a rubric name or path", display)
    try:
        parent_path = resolve(parent_ref, path.parent)
    except RubricError as e:
        raise _err(origins, data, "extends", str(e), display) from None
    if not parent_path.is_file():
        raise _err(origins, data, "extends", f"'{parent_ref}' not found", display)
    parent = _load_chain(parent_path, origins, [*stack, real], loaded)
    return _merge(parent, data, origins, display)


# -- merging ---------------------------------------------------------------------------


def _merge_words(
    base: list | None, change: Any, origins: Origins, owner: Any, key: str, display: str
) -> list:
    base = list(base or [])
    if isinstance(change, list):
        return change
    if isinstance(change, dict):
        extra = sorted(set(change) - {"add", "remove"})
        if extra:
            raise _err(
                origins,
                change,
                extra[0],
                "a word list change takes only 'add' and 'remove'",
                display,
            )
        out = [w for w in base if w not in set(change.get("remove") or [])]
        out += [w for w in (change.get("add") or []) if w not in out]
        return out
    raise _err(
        origins, owner, key, "must be a list of words, or a mapping with add/remove", display
    )


def _merge(parent: dict, child: dict, origins: Origins, display: str) -> dict:
    out = dict(parent)
    origins.set(out, *(origins.get(child) or (display, 1)))
    for k, v in child.items():
        if k in (
            "criteria",
            "findings",
            "lexicons",
            "language",
            "prices",
            "facts",
            "drop",
            "extends",
        ):
            continue
        out[k] = v
        if origins.key_line(child, k):
            origins.set_key(out, k, origins.key_line(child, k))
    for block in ("lexicons", "prices"):
        if block in child:
            if not isinstance(child[block], dict):
                raise _err(origins, child, block, "must be a mapping", display)
            merged = dict(parent.get(block) or {})
            origins.set(merged, *(origins.get(child[block]) or (display, 1)))
            for name, change in child[block].items():
                if name == "default_role":
                    merged[name] = change
                    continue
                merged[name] = _merge_words(
                    merged.get(name), change, origins, child[block], name, display
                )
            out[block] = merged
    if "language" in child:
        lang = child["language"]
        if not isinstance(lang, dict):
            raise _err(origins, child, "language", "must be a mapping", display)
        merged_lang = {
            k: (dict(v) if isinstance(v, dict) else v)
            for k, v in (parent.get("language") or {}).items()
        }
        for k, v in lang.items():
            if isinstance(v, dict) and isinstance(merged_lang.get(k), dict):
                for kk, vv in v.items():
                    if isinstance(vv, str):  # a mapping of names (symbol_headings: {👤: 拜访对象})
                        merged_lang[k][kk] = vv
                        continue
                    merged_lang[k][kk] = _merge_words(
                        merged_lang[k].get(kk), vv, origins, v, kk, display
                    )
            elif isinstance(v, dict) and {"add", "remove"} >= set(v):
                merged_lang[k] = _merge_words(merged_lang.get(k), v, origins, lang, k, display)
            else:
                merged_lang[k] = v
        out["language"] = merged_lang
    if "facts" in child:
        facts = dict(parent.get("facts") or {})
        facts.update(child["facts"] or {})
        out["facts"] = facts
    drop = child.get("drop") or []
    if not isinstance(drop, list):
        raise _err(origins, child, "drop", "must be a list of criterion or finding ids", display)
    for block in ("criteria", "findings"):
        items = [dict(c) if isinstance(c, dict) else c for c in (parent.get(block) or [])]
        for orig, copy in zip(parent.get(block) or [], items, strict=True):
            if origins.get(orig):
                origins.set(copy, *origins.get(orig))
                for key in copy:
                    if origins.key_line(orig, key):
                        origins.set_key(copy, key, origins.key_line(orig, key))
        by_id = {c.get("id"): c for c in items if isinstance(c, dict)}
        for c in child.get(block) or []:
            if isinstance(c, dict) and c.get("id") in by_id:
                target = by_id[c["id"]]
                target.update(c)
                for key in c:
                    if origins.key_line(c, key):
                        origins.set_key(target, key, origins.key_line(c, key))
            else:
                items.append(c)
        out[block] = [c for c in items if not (isinstance(c, dict) and c.get("id") in drop)]
    known = {
        c.get("id")
        for b in ("criteria", "findings")
        for c in (parent.get(b) or [])
        if isinstance(c, dict)
    }
    for d in drop:
        if d not in known:
            raise _err(
                origins,
                child,
                "drop",
                f"'{d}' is not a criterion or finding of '{child.get('extends')}'",
                display,
            )
    return out


# -- compiling ---------------------------------------------------------------------------


def _compile(data: dict, origins: Origins, display: str) -> Rubric:
    def err(obj: Any, key: str, message: str) -> RubricError:
        return _err(origins, obj, key, message, display)

    def number(obj: dict, key: str, default: float, lo: float, hi: float) -> float:
        v = obj.get(key, default)
        if isinstance(v, bool) or not isinstance(v, int | float) or not lo <= v <= hi:
            return_type = f"a number from {lo:g} to {hi:g}"
            raise err(obj, key, f"must be {return_type}, got {v!r}")
        return float(v)

    name = data.get("name", Path(display).stem)
    if not isinstance(name, str):
        raise err(data, "name", "must be a string")
    lexicons_raw = data.get("lexicons") or {}
    if not isinstance(lexicons_raw, dict):
        raise err(data, "lexicons", "must be a mapping of name: [words]")
    lexicons: dict[str, list[str]] = {}
    for lname, words in lexicons_raw.items():
        if not isinstance(words, list) or not all(
            isinstance(w, str | int) and str(w) for w in words
        ):
            raise err(lexicons_raw, lname, "a lexicon must be a list of words")
        lexicons[lname] = [str(w) for w in words]

    lang_raw = data.get("language") or {}
    if not isinstance(lang_raw, dict):
        raise err(data, "language", "must be a mapping")
    try:
        language = Language.from_config(lang_raw)
    except (re.error, TypeError, AttributeError) as e:
        raise err(data, "language", f"invalid setting: {e}") from None

    prices_raw = data.get("prices") or {}
    if not isinstance(prices_raw, dict):
        raise err(data, "prices", "must be a mapping of role: [words]")
    words_by_role: dict[str, tuple[str, ...]] = {}
    for role, words in prices_raw.items():
        if role == "default_role":
            continue
        if role not in ROLES:
            raise err(
                prices_raw, role, f"unknown price role (known: {', '.join(ROLES)}, default_role)"
            )
        if not isinstance(words, list):
            raise err(prices_raw, role, "must be a list of words")
        expanded: list[str] = []
        for w in words:
            # A lexicon's name stands for its words: customer: [预算, competitor].
            expanded.extend(lexicons[w] if isinstance(w, str) and w in lexicons else [str(w)])
        words_by_role[role] = tuple(normalise(w) for w in expanded)
    default_role = prices_raw.get("default_role", "ours")
    if default_role not in ("ours", "customer"):
        raise err(prices_raw, "default_role", "must be ours or customer")

    def condition(obj: dict, key: str) -> Condition | None:
        if obj.get(key) is None:
            return None
        try:
            return compile_condition(obj[key], lexicons)
        except ConditionError as e:
            where = e.where if isinstance(e.where, dict | list) else obj
            raise err(where, e.key or (key if where is obj else ""), e.message) from None

    facts: dict[str, Extractor] = {}
    facts_raw = data.get("facts") or {}
    if not isinstance(facts_raw, dict):
        raise err(data, "facts", "must be a mapping of fact name: extractor")
    for fname, spec in facts_raw.items():
        try:
            facts[fname] = compile_extractor(spec, lexicons)
        except ConditionError as e:
            where = e.where if isinstance(e.where, dict | list) else facts_raw
            raise err(where, e.key or fname, e.message) from None

    criteria: list[Criterion] = []
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise err(data, "criteria", "must be a non-empty list of criteria")
    seen: set[str] = set()
    for c in raw_criteria:
        if not isinstance(c, dict):
            raise err(raw_criteria, "criteria", "each criterion must be a mapping")
        unknown = sorted(set(c) - CRITERION_KEYS)
        if unknown:
            raise err(c, unknown[0], f"unknown key (known: {', '.join(sorted(CRITERION_KEYS))})")
        cid = c.get("id")
        if not isinstance(cid, str) or not _ID.match(cid):
            raise err(c, "id", "a criterion needs an id of lower-case letters, digits and _")
        if cid in seen:
            raise err(c, "id", f"duplicate criterion id '{cid}'")
        seen.add(cid)
        level = c.get("level", "warning")
        if level not in LEVELS:
            raise err(c, "level", f"must be one of {', '.join(LEVELS)}")
        messages = _text_map(c, "messages", ("met", "partial", "missing"), err)
        suggestions = _text_map(c, "suggestions", ("partial", "missing"), err)
        if "met" not in c:
            raise err(c, "id", f"criterion '{cid}' needs a 'met' condition")
        criteria.append(
            Criterion(
                id=cid,
                title=str(c.get("title", cid)),
                weight=number(c, "weight", 10, 0, 1000),
                level=level,
                met=condition(c, "met"),
                partial=condition(c, "partial"),
                messages=messages,
                suggestions=suggestions,
                description=str(c.get("description", "")),
            )
        )

    findings: list[FindingRule] = []
    for f in data.get("findings") or []:
        if not isinstance(f, dict):
            raise err(data, "findings", "each finding must be a mapping")
        unknown = sorted(set(f) - FINDING_KEYS)
        if unknown:
            raise err(f, unknown[0], f"unknown key (known: {', '.join(sorted(FINDING_KEYS))})")
        fid = f.get("id")
        if not isinstance(fid, str) or not _ID.match(fid):
            raise err(f, "id", "a finding needs an id of lower-case letters, digits and _")
        if "when" not in f:
            raise err(f, "id", f"finding '{fid}' needs a 'when' condition")
        level = f.get("level", "info")
        if level not in LEVELS:
            raise err(f, "level", f"must be one of {', '.join(LEVELS)}")
        findings.append(
            FindingRule(
                fid,
                str(f.get("title", fid)),
                condition(f, "when"),
                str(f.get("message", "")),
                level,
            )
        )

    crit_ids = {c.id for c in criteria}

    def check_refs(cond: Condition | None, owner: Any, key: str) -> None:
        if cond is None:
            return
        frefs, crefs = cond.references()
        for fr in sorted(frefs):
            if fr not in facts:
                raise err(
                    owner, key, f"unknown fact '{fr}' (defined: {', '.join(facts) or 'none'})"
                )
        for cr in sorted(crefs):
            if cr not in crit_ids:
                raise err(owner, key, f"unknown criterion '{cr}'")

    for raw, crit in zip(raw_criteria, criteria, strict=True):
        check_refs(crit.met, raw, "met")
        check_refs(crit.partial, raw, "partial")
    for raw, fr in zip(data.get("findings") or [], findings, strict=True):
        check_refs(fr.when, raw, "when")
    for fname, ex in facts.items():
        for cond in ex.conditions():
            check_refs(cond, facts_raw, fname)
        for ref in ex.fact_refs():
            if ref not in facts:
                raise err(facts_raw, fname, f"unknown fact '{ref}'")

    _check_cycles(criteria, facts, lambda key, msg: err(data, key, msg))
    return Rubric(
        name=name,
        title=str(data.get("title", name)),
        path=display,
        pass_score=number(data, "pass_score", 60, 0, 100),
        partial_credit=number(data, "partial_credit", 0.5, 0, 1),
        language=language,
        lexicons=lexicons,
        price_cues=PriceCues(words_by_role, default_role),
        facts=facts,
        criteria=criteria,
        findings=findings,
        description=str(data.get("description", "")),
    )


def _check_cycles(criteria: list[Criterion], facts: dict[str, Extractor], fail) -> None:
    """A criterion or fact that depends on itself, through any chain, is an error at load time."""
    deps: dict[str, set[str]] = {}

    def refs(conds) -> set[str]:
        out: set[str] = set()
        for cond in conds:
            if cond is not None:
                f, c = cond.references()
                out |= {f"fact {x}" for x in f} | {f"criterion {x}" for x in c}
        return out

    for c in criteria:
        deps[f"criterion {c.id}"] = refs([c.met, c.partial])
    for name, ex in facts.items():
        deps[f"fact {name}"] = refs(ex.conditions()) | {f"fact {x}" for x in ex.fact_refs()}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            cycle = " -> ".join([*path[path.index(node) :], node])
            raise fail(
                "criteria" if node.startswith("criterion") else "facts",
                f"depends on itself: {cycle}",
            )
        state[node] = 1
        for nxt in sorted(deps.get(node, ())):
            visit(nxt, [*path, node])
        state[node] = 2

    for node in sorted(deps):
        visit(node, [])


def _text_map(c: dict, key: str, allowed: tuple[str, ...], err) -> dict[str, str]:
    v = c.get(key) or {}
    if isinstance(v, str):
        return dict.fromkeys(allowed, v)
    if not isinstance(v, dict):
        raise err(c, key, f"must be a mapping of {'/'.join(allowed)}: text")
    extra = sorted(set(v) - set(allowed))
    if extra:
        raise err(v, extra[0], f"unknown status (known: {', '.join(allowed)})")
    return {k: str(t) for k, t in v.items()}
