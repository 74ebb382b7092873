"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "98d6f69a7193"
