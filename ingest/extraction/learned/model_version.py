"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "57eec6487770"
