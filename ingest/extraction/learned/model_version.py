"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "258409e29e15"
