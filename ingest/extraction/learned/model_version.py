"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "8249bb2048f7"
