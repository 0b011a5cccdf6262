"""One Screen per file, its stylesheet beside it."""
