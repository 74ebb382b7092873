"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "363364c1bb64"
