"""The schema version this code writes, alone so that reading it imports nothing (the first reader checks it)."""

# The newest migration in `migrations/versions`; a test keeps the two in step.
SCHEMA_HEAD = "0007"
