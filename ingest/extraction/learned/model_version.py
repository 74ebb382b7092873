"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "a765aea8e6db"
