"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "92c1ee1a4288"
