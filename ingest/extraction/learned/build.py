"""`diplograph train`: rebuild the committed model from corpus/train, reproducibly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from spacy.language import Language

from ingest.extraction.learned.corpus import CORPUS, load_split
from ingest.extraction.learned.linear import MODEL_PATH, Model
from ingest.extraction.learned.train import fit

VERSION_PATH = Path(__file__).with_name("model_version.py")
VERSION_TEMPLATE = '''"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "{digest}"
'''


def model_text(model: Model) -> str:
    """The artifact's exact bytes: sorted keys, so equal models give equal files."""
    return json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n"


def digest(text: str) -> str:
    """A short content hash of the model file."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def train_model(nlp: Language, corpus: Path = CORPUS) -> Model:
    """The model fitted on every article of corpus/train."""
    return fit(load_split(nlp, corpus / "train", corpus))


def write_model(model: Model, path: Path = MODEL_PATH, version: Path = VERSION_PATH) -> str:
    """Write the artifact and its hash module; returns the hash."""
    text = model_text(model)
    path.write_text(text, "utf-8")
    version.write_text(VERSION_TEMPLATE.format(digest=digest(text)), "utf-8")
    return digest(text)
