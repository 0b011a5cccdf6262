"""The plain facts screens, the store and the documents share: the fixed vocabulary, the records
screens receive, the conflicts a write can meet. Nothing here imports SQLAlchemy, so a screen can
import it without loading the database layer.
"""
