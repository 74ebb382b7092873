"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "d9dc167fe82a"
