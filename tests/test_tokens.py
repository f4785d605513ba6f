"""The fast dictionary cuts exactly as stock jieba with the same dictionary and user words."""

import csv
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.fastdict import _dat_functions, fast_tokenizer, stock_tokenizer
from analyzer.normalize import normalise

ROOT = Path(__file__).resolve().parent.parent


def sample_texts():
    texts = []
    for name in ("labelled.jsonl", "labelled-test.jsonl"):
        with (ROOT / "samples" / name).open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "notes").glob("*.txt"))
    ]
    with (ROOT / "samples" / "team.csv").open(encoding="utf-8-sig") as fh:
        texts += [row["拜访描述"] for row in csv.DictReader(fh)]
    return texts


@pytest.fixture(scope="module")
def stock(rubric):
    return stock_tokenizer(rubric.segmenter.words)


@pytest.fixture(scope="module", params=["accelerated", "pure-python"])
def fast(request, rubric, tmp_path_factory):
    """Both ways the tool cuts: the DAG and route in jieba-fast-dat's C++, and all in Python."""
    accelerated = request.param == "accelerated"
    folder = tmp_path_factory.mktemp("dict-cache")
    tokenizer = fast_tokenizer(rubric.segmenter.words, folder, accelerate=accelerated)
    if accelerated:
        if sys.platform not in ("linux", "darwin"):
            pytest.skip("jieba-fast-dat ships wheels for Linux and macOS only")
        assert _dat_functions() is not None, "jieba-fast-dat is a dependency on this platform"
        assert "get_DAG" in vars(tokenizer)  # the accelerated functions are in use
        # A second start loads the cached double-array trie instead of building it.
        assert list(folder.glob("dict-*.dat"))
        again = fast_tokenizer(rubric.segmenter.words, folder, accelerate=True)
        assert again.lcut("今天拜访了王总") == tokenizer.lcut("今天拜访了王总")
    else:
        assert "get_DAG" not in vars(tokenizer)
    return tokenizer


def test_tool_uses_the_accelerator_where_installed(rubric):
    if _dat_functions() is not None and not os.environ.get("VISIT_ANALYZER_PURE_PYTHON"):
        assert "get_DAG" in vars(rubric.segmenter._jieba)


def test_tokens_identical_to_stock_jieba_on_every_sample(stock, fast):
    texts = sample_texts()
    assert len(texts) >= 400
    for text in texts:
        norm = normalise(text)
        assert list(fast.tokenize(norm)) == list(stock.tokenize(norm)), text[:40]
        assert fast.spans(norm) == list(stock.tokenize(norm)), text[:40]
        assert fast.lcut(norm, HMM=False) == stock.lcut(norm, HMM=False)


def test_rubric_words_are_in_both(stock, fast):
    for w in ("第一kp", "心理价位", "友商"):
        assert fast.FREQ.get(w) == stock.FREQ.get(w) and fast.FREQ.get(w)
    assert fast.total == stock.total


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\r\n\t",
        "abc DEF 12.5%",
        "。，！",
        "王总说：“好。”\n\n- 下周三",
        "𠀀𠀁字",
        "a" * 50 + "中",
        # Blocks that repeat themselves tie two routes (户户+户 / 户+户户) and two HMM paths.
        "户户户",
        "老价价价板他报",
        "一哈一哈一谢是",
        "谢谢谢谢你",
    ],
)
def test_edge_texts_cut_as_stock(stock, fast, text):
    assert fast.spans(text) == list(stock.tokenize(text))


_POOL = "今天拜访了王总他说下周三报价万元的客户老板娘嘅佢哋咗冇睇係丂丄abc XYZ 019.,%-#&+，。：“”\n"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=_POOL, max_size=60))
def test_random_texts_cut_as_stock(stock, fast, text):
    # Rare characters (嘅, 丂) tie the HMM's states: the tie must break as jieba's does.
    assert fast.spans(text) == list(stock.tokenize(text))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet="户哈谢看天价一是了们报板", max_size=30))
def test_repetitive_texts_cut_as_stock(stock, fast, text):
    # A small alphabet makes squares (户户, 一哈一哈), where routes and HMM paths tie.
    assert fast.spans(text) == list(stock.tokenize(text))
