"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "302e0565231e"
