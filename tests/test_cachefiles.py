"""The cache folder stays bounded: old dictionaries and parsed rubrics are removed, used ones kept."""

import os
import textwrap
import time

from analyzer import cachefiles


def _entry(folder, name, age_days):
    p = folder / name
    p.write_bytes(b"x")
    t = time.time() - age_days * 86400
    os.utime(p, (t, t))
    return p


def test_prune_keeps_the_current_entry_and_the_newest_others(tmp_path):
    for i, key in enumerate(["a", "b", "c", "d"]):
        for ext in ("trie", "freq", "dat"):
            _entry(tmp_path, f"dict-{key}.{ext}", age_days=i + 1)  # a newest, d oldest
    _entry(tmp_path, ".dict-d.trie.123.tmp", age_days=9)  # a write in progress
    _entry(tmp_path, "rubric-zz.json", age_days=9)  # another kind
    cachefiles.prune(tmp_path, "dict", keep=2, current="d")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [".dict-d.trie.123.tmp", "rubric-zz.json"]
        + [f"dict-{k}.{e}" for k in ("a", "d") for e in ("trie", "freq", "dat")]
    )


def test_touch_refreshes_an_old_entry_only(tmp_path):
    old = _entry(tmp_path, "dict-a.trie", age_days=3)
    new = _entry(tmp_path, "dict-b.trie", age_days=0.1)
    before = new.stat().st_mtime
    cachefiles.touch(old)
    cachefiles.touch(new)
    assert time.time() - old.stat().st_mtime < 60
    assert new.stat().st_mtime == before


def test_parsed_rubrics_are_pruned(tmp_path, monkeypatch):
    from analyzer import rubric as rubric_module

    cache = tmp_path / "cache"
    monkeypatch.setenv("VISIT_ANALYZER_CACHE", str(cache))
    monkeypatch.setattr(rubric_module, "KEEP_PARSED_RUBRICS", 2)
    for i in range(4):
        p = tmp_path / f"r{i}.yaml"
        p.write_text(textwrap.dedent(f"extends: default\nname: r{i}\n"), encoding="utf-8")
        rubric_module.load_rubric(str(p))
    assert len(list(cache.glob("rubric-*.json"))) == 2


def test_old_dictionaries_are_pruned_when_a_new_one_is_built(tmp_path, monkeypatch):
    from analyzer import fastdict

    monkeypatch.setattr(fastdict, "KEEP_DICTIONARIES", 1)
    fastdict.fast_tokenizer(["甲乙丙丁词"], tmp_path)
    first = {p.name for p in tmp_path.glob("dict-*")}
    tok = fastdict.fast_tokenizer(["戊己庚辛词"], tmp_path)
    second = {p.name for p in tmp_path.glob("dict-*")}
    assert first and second and not first & second
    assert [w for w, _, _ in tok.spans("戊己庚辛词")] == ["戊己庚辛词"]
