"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "8cec7f1dd5fd"
