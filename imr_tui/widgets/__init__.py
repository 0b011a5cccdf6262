"""Reusable widgets: they show plain records and post messages; they never touch the store."""
