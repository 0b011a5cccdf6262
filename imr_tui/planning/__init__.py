"""Planning a course: session dates from a cadence, and the curriculum laid over them."""
