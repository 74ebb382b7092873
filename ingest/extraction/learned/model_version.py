"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "8f5f9ce4415d"
