"""A large, reproducible database of fictional people: ten years of a busy IMR service."""
