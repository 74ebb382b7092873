"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "e26645b00f5a"
