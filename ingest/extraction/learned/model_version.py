"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "11a35b62aaa0"
