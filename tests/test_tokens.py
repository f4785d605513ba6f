"""The fast dictionary cuts exactly as stock jieba with the same dictionary and user words."""

import csv
import json
from pathlib import Path

import pytest

from analyzer.fastdict import stock_tokenizer
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


def test_tokens_identical_to_stock_jieba_on_every_sample(rubric, stock):
    texts = sample_texts()
    assert len(texts) >= 400
    fast = rubric.segmenter._jieba
    for text in texts:
        norm = normalise(text)
        assert list(fast.tokenize(norm)) == list(stock.tokenize(norm)), text[:40]
        assert fast.lcut(norm, HMM=False) == stock.lcut(norm, HMM=False)


def test_rubric_words_are_in_both(rubric, stock):
    fast = rubric.segmenter._jieba
    for w in ("第一kp", "心理价位", "友商"):
        assert fast.FREQ.get(w) == stock.FREQ.get(w) and fast.FREQ.get(w)
    assert fast.total == stock.total
