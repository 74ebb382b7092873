"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "3843a5473d31"
